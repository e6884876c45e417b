import LessonScript
import Testing

@testable import LessonFormat

@Suite struct EpisodeChecksTests {
  /// A fill-in block with one blank and the given id, three lines long.
  func fillIn(_ id: String = "f") -> String {
    "```swift fill-in id=\(id) blanks=Int answers=1\nlet x = _____\n```"
  }

  /// A check block, three lines long.
  let check = "```swift check\ntry check(\"x\", x, equals: 1)\n```"

  // MARK: - Fill-ins and their checks

  @Test func aCheckRightAfterItsFillInPassesWithBlankLinesBetween() throws {
    let episode = try EpisodeText.parse(body: "::: challenge\n\(fillIn())\n\n\n\(check)\n:::")
    #expect(episode.script.steps.count == 1)
  }

  @Test func proseBetweenAFillInAndItsCheckIsAnError() {
    let error = bodyError("\(fillIn())\nNow check it.\n\(check)")
    #expect(error?.line == EpisodeText.line(1))
    #expect(error?.message.contains("the fill-in 'f' has no check block") == true)
  }

  @Test func aCheckAfterProseSaysSo() {
    let error = bodyError("Some prose.\n\(check)")
    #expect(error?.line == EpisodeText.line(2))
    #expect(
      error?.message.contains(
        "does not come right after a 'swift fill-in' block: it follows prose on line \(EpisodeText.line(1))") == true)
  }

  @Test func aCheckOpeningADivSaysSo() {
    let error = bodyError("::: challenge\n\(check)\n:::")
    #expect(error?.line == EpisodeText.line(2))
    #expect(error?.message.contains("it is the first thing in its 'challenge' div") == true)
  }

  @Test func aCheckOpeningTheEpisodeSaysSo() {
    let error = bodyError(check)
    #expect(error?.line == EpisodeText.line(1))
    #expect(error?.message.contains("it is the first thing in the episode") == true)
  }

  @Test func aCheckAfterAnotherBlockNamesIt() {
    let afterRun = bodyError("```swift\nlet x = 1\n```\n\(check)")
    #expect(afterRun?.line == EpisodeText.line(4))
    #expect(afterRun?.message.contains("it follows a 'swift' block on line \(EpisodeText.line(1))") == true)
    let afterOutput = bodyError("```output\n1\n```\n\(check)")
    #expect(afterOutput?.message.contains("it follows an 'output' block") == true)
    let afterDiv = bodyError("::: callout\nNote.\n:::\n\(check)")
    #expect(afterDiv?.message.contains("it follows a 'callout' div on line \(EpisodeText.line(1))") == true)
  }

  @Test func aSecondCheckIsAnError() {
    let error = bodyError("\(fillIn())\n\(check)\n\(check)")
    #expect(error?.line == EpisodeText.line(7))
    #expect(error?.message.contains("it follows a 'swift check' block") == true)
  }

  @Test func aFillInWithoutACheckFailsAtItsFence() {
    let error = bodyError("::: challenge\n\(fillIn("first-conv"))\n:::\n\(check)")
    #expect(error?.line == EpisodeText.line(2))
    #expect(
      error?.message.contains(
        "the fill-in 'first-conv' has no check block; add a '```swift check' block right after it") == true)
  }

  // MARK: - Ids

  @Test func idsAreUniqueAcrossFillInsQuestionsAndExercises() {
    let twoFillIns = bodyError("\(fillIn("same"))\n\(check)\n\n\(fillIn("same"))\n\(check)")
    #expect(twoFillIns?.line == EpisodeText.line(8))
    #expect(twoFillIns?.message.contains("the id 'same' is already used on line \(EpisodeText.line(1))") == true)
    let questionAndExercise = bodyError(
      "```swift question id=same kind=text\n\"a\"\n```\n::: challenge\n::: exercise id=same\n:::\n:::")
    #expect(questionAndExercise?.line == EpisodeText.line(5))
    #expect(questionAndExercise?.message.contains("already used on line \(EpisodeText.line(1))") == true)
  }

  // MARK: - Where divs go

  @Test func hintsAndSolutionsBelongDirectlyInAChallenge() {
    let topLevel = bodyError("Text.\n::: hint\nA hint.\n:::")
    #expect(topLevel?.line == EpisodeText.line(2))
    #expect(
      topLevel?.message.contains(
        "this 'hint' div is at the top level, but a hint, solution or wrong answer belongs to the")
        == true)
    let inCallout = bodyError("::: callout\n::: solution\nIt.\n:::\n:::")
    #expect(inCallout?.line == EpisodeText.line(2))
    #expect(inCallout?.message.contains("this 'solution' div is inside a 'callout' div") == true)
    let inExercise = bodyError("::: challenge\n::: exercise id=e\n::: hint\nH.\n:::\n:::\n:::")
    #expect(inExercise?.line == EpisodeText.line(3))
    #expect(inExercise?.message.contains("inside an 'exercise' div") == true)
  }

  @Test(arguments: [SectionKind.questions, .objectives])
  func introductionsComeBeforeAnyCode(kind: SectionKind) {
    let error = bodyError("```bash\nls\n```\n::: \(kind.rawValue)\n- Why?\n:::")
    #expect(error?.line == EpisodeText.line(4))
    #expect(
      error?.message.contains(
        "learners read the '\(kind.rawValue)' before anything else, so this div goes before the first code block (line \(EpisodeText.line(1)))"
      ) == true)
  }

  @Test func keypointsComeAfterAllCode() {
    let error = bodyError("::: keypoints\n- Done.\n:::\n::: challenge\n```swift\nlet x = 1\n```\n:::")
    #expect(error?.line == EpisodeText.line(1))
    #expect(error?.message.contains("so this div goes after the last code block (line \(EpisodeText.line(5)))") == true)
  }

  @Test func proseMayComeBeforeTheIntroductionAndCodeInsideItDoesNotCount() throws {
    let body = """
      # Convolutions

      ::: questions
      ```bash
      lesson 3
      ```
      :::
      ```swift
      let x = 1
      ```
      ::: keypoints
      ```output
      1
      ```
      :::
      """
    #expect(try EpisodeText.parse(body: body).nodes.count == 4)
  }

  // MARK: - Hidden divs

  @Test func aRunnableBlockInASolutionIsAnError() {
    let error = bodyError("::: challenge\nTry it.\n::: solution\n```swift\nlet x = 1\n```\n:::\n:::")
    #expect(error?.line == EpisodeText.line(4))
    #expect(error?.message.contains("cannot be in a solution") == true)
    #expect(error?.message.contains("swift no-run") == true)
  }

  @Test func aNoRunBlockInAHintIsFine() throws {
    let episode = try EpisodeText.parse(
      body: "::: challenge\nTry it.\n::: hint\n```swift no-run\nlet x = 1\n```\n:::\n:::")
    #expect(episode.script.steps.isEmpty)
  }

  @Test func aLineTooLongForAnEightyColumnTerminalIsAnError() throws {
    let long = "let x = " + String(repeating: "1 + ", count: 18) + "1"
    let error = bodyError("```swift\nlet a = 1\n\(long)\n```")
    #expect(error?.line == EpisodeText.line(3))
    #expect(error?.message.contains("\(long.count) characters long") == true)
    let fits = "let x = " + String(repeating: "1 + ", count: 17) + "1"
    #expect(fits.count <= 78)
    #expect(try EpisodeText.parse(body: "```swift\n\(fits)\n```").script.steps.count == 1)
    #expect(try EpisodeText.parse(body: "```output\n\(long)\n```").nodes.count == 1, "only Swift is checked")
  }

  @Test func aVerifyBlockMayCheckASolutionsClaims() throws {
    let body =
      "::: challenge\nTry it.\n::: solution\nIt is 4.\n```swift verify\ntry check(\"x\", 2 + 2, equals: 4)\n```\n:::\n:::"
    let episode = try EpisodeText.parse(body: body)
    #expect(episode.script.steps.isEmpty)
    let solution = try #require(episode.script.sections { $0.kind == .solution }.first)
    #expect(solution.items.map(\.line) == [EpisodeText.line(4), EpisodeText.line(6)], "the prose and the verify block")
  }
}
