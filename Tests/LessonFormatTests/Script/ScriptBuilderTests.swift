import LessonScript
import Testing

@testable import LessonFormat

/// The format's rules, applied once when an episode becomes its script.
@Suite struct ScriptBuilderTests {
  /// A step before, inside and after a challenge with a hint and a solution, and blocks that are
  /// not steps.
  let body = """
    ```swift
    let a = 1
    ```
    ```output
    1
    ```
    ::: challenge
    ```swift fill-in id=f blanks=Int answers=2
    let b = _____
    ```
    ```swift check
    try check("b", b, equals: 2)
    ```
    ::: hint
    Two.
    :::
    ::: solution
    ```swift no-run
    let b = 2
    ```
    ```swift verify
    try check("two", 2, equals: 2)
    ```
    :::
    - a) yes
    - b) no
    ```swift question id=q kind=choice
    "a"
    ```
    :::
    ```swift
    let c = 3
    ```
    """

  @Test func theStepsAreTheRunFillInAndQuestionBlocksInDocumentOrder() throws {
    let script = try EpisodeText.parse(body: body).script
    #expect(script.steps.map(\.code) == ["let a = 1", "let b = _____", "\"a\"", "let c = 3"])
    #expect(script.steps.map(\.line) == [2, 9, 28, 32].map(EpisodeText.line))
  }

  @Test func aFillInCarriesTheCheckBlockAfterIt() throws {
    let fillIn = try EpisodeText.parse(body: body).script.steps[1]
    #expect(
      fillIn.kind
        == .fillIn(
          FillIn(id: "f", types: ["Int"], answers: ["2"]),
          checks: CheckCode(line: EpisodeText.line(12), code: "try check(\"b\", b, equals: 2)")))
  }

  @Test func stepsInAChallengeGetItsHintsAndSolutionAndOthersNone() throws {
    let steps = try EpisodeText.parse(body: body).script.steps
    #expect(steps[1].hints == ["Two."] && steps[2].hints == ["Two."])
    #expect(steps[1].explanation == "```swift\nlet b = 2\n```", "the verify block is never shown")
    #expect(steps[0].hints.isEmpty && steps[0].explanation == nil)
    #expect(steps[3].hints.isEmpty && steps[3].explanation == nil)
  }

  @Test func hintsAndSolutionsAreOnRequestAndInstructorNotesForInstructors() throws {
    let script = try EpisodeText.parse(body: "::: instructor\nGo slowly.\n:::\n" + body).script
    let audiences = Dictionary(
      script.sections { _ in true }.map { ($0.kind, $0.audience) }, uniquingKeysWith: { first, _ in first })
    #expect(audiences == [.instructor: .instructors, .challenge: .everyone, .hint: .onRequest, .solution: .onRequest])
  }

  @Test func checksAndVerificationsAreNotShownAndKeepTheirLines() throws {
    let script = try EpisodeText.parse(body: body).script
    let solution = try #require(script.sections { $0.kind == .solution }.first)
    #expect(
      solution.items == [
        .shownCode(line: EpisodeText.line(19), language: "swift", code: "let b = 2"),
        .verification(line: EpisodeText.line(22), code: "try check(\"two\", 2, equals: 2)"),
      ])
    let challenge = try #require(script.sections { $0.kind == .challenge }.first)
    #expect(!challenge.items.contains { $0.line == EpisodeText.line(12) }, "the check belongs to its fill-in")
  }

  @Test func aChallengeThatWrapsAWriteCodeExerciseHasNoTitleAndLendsItsHints() throws {
    let body =
      "::: challenge\n::: exercise id=build\nWrite it.\n:::\n::: hint\nStart here.\n:::\n:::\n"
      + "::: challenge\nThink.\n:::"
    let script = try EpisodeText.parse(body: body).script
    let titles = script.sections { $0.kind == .challenge }.map(\.title)
    #expect(titles == [nil, "Challenge"])
    #expect(script.codeExercises == [CodeExerciseTask(id: "build", task: "Write it.", hints: ["Start here."])])
    #expect(script.exerciseIDs == ["build"])
  }

  @Test func theFrontMatterComesAlong() throws {
    let script = try EpisodeText.parse(body: "Prose.").script
    #expect(script.number == 1 && script.path == EpisodeText.path)
    #expect(script.items == [.prose(line: EpisodeText.line(1), markdown: "Prose.")])
  }
}
