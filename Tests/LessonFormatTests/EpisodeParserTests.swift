import LessonScript
import Testing

@testable import LessonFormat

@Suite struct EpisodeParserTests {
  /// An episode that uses every kind of node, div and code role, with divs nested two deep.
  static let text = """
    ---
    title: "Build a convolutional neural network"
    teaching: 30
    exercises: 20
    training: lesson 1000 10
    ---

    :::::::::::::::::::::::::::::::::::::: questions
    - How does a convolution look at an image?
    ::::::::::::::::::::::::::::::::::::::::::::::::

    ::::::::::::::::::::::::::::::::::::: objectives
    - Build a convolutional layer.
    ::::::::::::::::::::::::::::::::::::::::::::::::

    ## Layers

    A layer turns numbers into numbers.

    ```swift
    let inputs = Input(shape: [32, 32, 3])
    print(inputs.shape)
    ```

    ```output
    [32, 32, 3]
    ```

    ::: callout
    Run the lesson from a shell:

    ~~~bash
    swift run lesson
    ~~~
    :::

    ```swift no-run
    let broken = Conv2D(filters: "16")
    ```

    :::::::::::::::::::::::: challenge
    ## Your first convolution
    Make a layer with 16 filters of 3×3 pixels.

    ```swift fill-in id=first-conv blanks=Int,Int,ActivationFunction answers=16,3,relu
    let conv = Conv2D(filters: _____, kernelSize: _____, activation: _____)
    ```

    ```swift check
    try check("parameters", conv.parameterCount, equals: 448)
    ```
    ::::::::::::: hint
    The kernel size is the side of the window.
    :::::::::::::
    ::::::::::::: solution
    ```
    Conv2D(filters: 16, kernelSize: 3, activation: .relu)
    ```
    :::::::::::::
    ::::::::::::::::::::::::

    ::: challenge
    Which layer has no weights to learn?

    - a) `Conv2D`
    - b) `MaxPooling2D`

    ```swift question id=no-weights kind=choice
    "b"
    ```

    How many values does the model learn?

    ```swift question id=parameter-count kind=number tolerance=0.5
    model.parameterCount
    ```

    ::: discussion
    Name the activation.
    ```swift question id=activation-name kind=text
    "relu"
    ```
    :::
    :::

    :::::::::::::::: challenge
    ::: exercise id=build-model
    Write `makeModel()`.
    :::
    ::: hint
    Start from `Input(shape: [32, 32, 3])`.
    :::
    ::::::::::::::::

    ::: instructor
    Pause here for questions.
    :::

    :::::::::::::::::::::::::::::::::::::: keypoints
    - Convolutions share their weights across the image.
    ::::::::::::::::::::::::::::::::::::::::::::::::
    """

  /// The tree `text` describes, written out by hand from its line numbers.
  static let expectedNodes: [Node] = [
    .div(
      Div(
        kind: .questions, attributes: [:], line: 8,
        children: [.prose("- How does a convolution look at an image?", line: 9)])),
    .div(
      Div(kind: .objectives, attributes: [:], line: 12, children: [.prose("- Build a convolutional layer.", line: 13)])),
    .prose("## Layers\n\nA layer turns numbers into numbers.", line: 16),
    .code(
      CodeBlock(
        language: "swift", role: .run, code: "let inputs = Input(shape: [32, 32, 3])\nprint(inputs.shape)", line: 21)),
    .code(CodeBlock(language: "output", role: .display, code: "[32, 32, 3]", line: 26)),
    .div(
      Div(
        kind: .callout, attributes: [:], line: 29,
        children: [
          .prose("Run the lesson from a shell:", line: 30),
          .code(CodeBlock(language: "bash", role: .display, code: "swift run lesson", line: 33)),
        ])),
    .code(CodeBlock(language: "swift", role: .display, code: "let broken = Conv2D(filters: \"16\")", line: 38)),
    .div(
      Div(
        kind: .challenge, attributes: [:], line: 41,
        children: [
          .prose("## Your first convolution\nMake a layer with 16 filters of 3×3 pixels.", line: 42),
          .code(
            CodeBlock(
              language: "swift",
              role: .fillIn(
                FillIn(id: "first-conv", types: ["Int", "Int", "ActivationFunction"], answers: ["16", "3", "relu"])),
              code: "let conv = Conv2D(filters: _____, kernelSize: _____, activation: _____)", line: 46)),
          .code(
            CodeBlock(
              language: "swift", role: .check, code: "try check(\"parameters\", conv.parameterCount, equals: 448)",
              line: 50)),
          .div(
            Div(
              kind: .hint, attributes: [:], line: 52,
              children: [.prose("The kernel size is the side of the window.", line: 53)])),
          .div(
            Div(
              kind: .solution, attributes: [:], line: 55,
              children: [
                .code(
                  CodeBlock(
                    language: "", role: .display, code: "Conv2D(filters: 16, kernelSize: 3, activation: .relu)",
                    line: 57))
              ])),
        ])),
    .div(
      Div(
        kind: .challenge, attributes: [:], line: 62,
        children: [
          .prose("Which layer has no weights to learn?\n\n- a) `Conv2D`\n- b) `MaxPooling2D`", line: 63),
          .code(
            CodeBlock(
              language: "swift",
              role: .question(
                Question(
                  id: "no-weights", kind: .choice,
                  choices: [.init(letter: "a", text: "`Conv2D`"), .init(letter: "b", text: "`MaxPooling2D`")])),
              code: "\"b\"", line: 69)),
          .prose("How many values does the model learn?", line: 72),
          .code(
            CodeBlock(
              language: "swift", role: .question(Question(id: "parameter-count", kind: .number(tolerance: 0.5))),
              code: "model.parameterCount", line: 75)),
          .div(
            Div(
              kind: .discussion, attributes: [:], line: 78,
              children: [
                .prose("Name the activation.", line: 79),
                .code(
                  CodeBlock(
                    language: "swift", role: .question(Question(id: "activation-name", kind: .text)), code: "\"relu\"",
                    line: 81)),
              ])),
        ])),
    .div(
      Div(
        kind: .challenge, attributes: [:], line: 86,
        children: [
          .div(
            Div(
              kind: .exercise, attributes: ["id": "build-model"], line: 87,
              children: [.prose("Write `makeModel()`.", line: 88)])),
          .div(
            Div(
              kind: .hint, attributes: [:], line: 90,
              children: [.prose("Start from `Input(shape: [32, 32, 3])`.", line: 91)])),
        ])),
    .div(Div(kind: .instructor, attributes: [:], line: 95, children: [.prose("Pause here for questions.", line: 96)])),
    .div(
      Div(
        kind: .keypoints, attributes: [:], line: 99,
        children: [.prose("- Convolutions share their weights across the image.", line: 100)])),
  ]

  @Test func parsesTheFrontMatter() throws {
    let episode = try EpisodeParser.parse(Self.text, path: "Lessons/03-build-a-cnn.md")
    #expect(episode.number == 3)
    #expect(episode.slug == "build-a-cnn")
    #expect(episode.path == "Lessons/03-build-a-cnn.md")
    #expect(episode.title == "Build a convolutional neural network")
    #expect(episode.teachingMinutes == 30)
    #expect(episode.exerciseMinutes == 20)
    #expect(episode.training == TrainingWorkload(model: "lesson", images: 1000, epochs: 10))
  }

  @Test func parsesEveryNodeIntoTheExpectedTree() throws {
    let episode = try EpisodeParser.parse(Self.text, path: "Lessons/03-build-a-cnn.md")
    #expect(episode.nodes.count == Self.expectedNodes.count)
    for (got, expected) in zip(episode.nodes, Self.expectedNodes) {
      #expect(got == expected)
    }
  }

  @Test func theStepsAreTheRunFillInAndQuestionBlocks() throws {
    let episode = try EpisodeParser.parse(Self.text, path: "Lessons/03-build-a-cnn.md")
    #expect(episode.script.steps.map(\.line) == [21, 46, 69, 75, 81])
  }

  @Test func errorsNameThePathAndLineAsCompilersDo() {
    let error = parseError(
      Self.text.replacing("::: discussion", with: "::: discusion"), path: "Lessons/03-build-a-cnn.md")
    #expect(
      error?.description.hasPrefix("Lessons/03-build-a-cnn.md:78: unknown div 'discusion'; did you mean 'discussion'?")
        == true)
  }

  @Test func theFirstProblemInTheFileStopsTheParse() {
    let error = bodyError("::: callout\n:::\n:::\n::: sidebar\n:::")
    #expect(error?.line == EpisodeText.line(3))
  }
}
