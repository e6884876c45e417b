import LessonScript
import Testing

@testable import LessonFormat

@Suite struct DivFenceTests {
  // MARK: - Recognising fences

  @Test(arguments: [
    ("::: challenge", "challenge"),
    ("::::::challenge", "challenge"),
    (":::::::::::::::: exercise id=build-model", "exercise id=build-model"),
    ("   ::: hint", "hint"),
    ("::: callout :::::", "callout"),
    (":::\tsolution  ", "solution"),
  ])
  func recognisesAnOpeningFence(line: String, header: String) {
    #expect(DivFence(line: line) == .open(header: header))
  }

  @Test(arguments: [":::", "::::::::::::::::::::::::", ":::   ", "  ::::"])
  func aLineOfOnlyColonsCloses(line: String) {
    #expect(DivFence(line: line) == .close)
  }

  @Test(arguments: ["::", ":: challenge", "    ::: challenge", "text :::", "Note: this"])
  func otherLinesAreNotDivFences(line: String) {
    #expect(DivFence(line: line) == nil)
  }

  // MARK: - Headers

  @Test func readsTheKindAndAttributes() throws {
    let header = try DivFence.parseHeader("exercise id=build-model")
    #expect(header.kind == .exercise)
    #expect(header.attributes == ["id": "build-model"])
  }

  @Test func attributeValuesMayBeQuoted() throws {
    #expect(try DivFence.parseHeader("exercise id=\"build-model\"").attributes == ["id": "build-model"])
  }

  @Test func everyKnownNameOpensItsKind() throws {
    for kind in SectionKind.allCases where kind != .exercise && kind != .wrong {
      #expect(try DivFence.parseHeader(kind.rawValue).kind == kind)
    }
  }

  // MARK: - Problems, in an episode

  @Test func anUnknownNameGetsTheClosestKnownOne() {
    let error = bodyError("\n::::: challange\nText.\n:::::\n")
    #expect(error?.line == EpisodeText.line(2))
    #expect(error?.message.contains("unknown div 'challange'; did you mean 'challenge'?") == true)
  }

  @Test func anUnknownNameFarFromAnyListsTheKnownOnes() {
    let error = bodyError("::: sidebar\n:::")
    #expect(error?.line == EpisodeText.line(1))
    #expect(error?.message.contains("unknown div 'sidebar'. The known divs are") == true)
    #expect(error?.message.contains("'questions', 'objectives', 'keypoints', 'challenge'") == true)
  }

  @Test func namesAreCaseSensitive() {
    let error = bodyError("::: Challenge\n:::")
    #expect(error?.message.contains("unknown div 'Challenge'; did you mean 'challenge'?") == true)
  }

  @Test func aWordAfterTheNameMustBeKeyValue() {
    let error = bodyError("::: challenge Count the parameters\n:::")
    #expect(error?.line == EpisodeText.line(1))
    #expect(error?.message.contains("unexpected word 'Count' after '::: challenge'") == true)
  }

  @Test func anExerciseNeedsAnID() {
    let error = bodyError("Intro.\n\n::: exercise\nWrite it.\n:::")
    #expect(error?.line == EpisodeText.line(3))
    #expect(error?.message.contains("an 'exercise' div needs 'id='") == true)
    #expect(error?.message.contains("::: exercise id=build-model") == true)
  }

  @Test func anExerciseIDMustBeLowercaseLettersDigitsAndHyphens() {
    let error = bodyError("::: exercise id=Build_Model\n:::")
    #expect(error?.line == EpisodeText.line(1))
    #expect(
      error?.message.contains(
        "the id 'Build_Model' must be lowercase letters, digits and hyphens, such as 'build-model'") == true)
  }

  @Test func aDivTakesOnlyItsKnownAttributes() {
    let onChallenge = bodyError("::: challenge id=x\n:::")
    #expect(
      onChallenge?.message.contains("unknown key 'id' on a 'challenge' div, which takes no key=value words") == true)
    let onExercise = bodyError("::: exercise idd=x\n:::")
    #expect(onExercise?.message.contains("unknown key 'idd' on an 'exercise' div; did you mean 'id'?") == true)
  }

  @Test func aDuplicateAttributeIsAnError() {
    let error = bodyError("::: exercise id=a id=b\n:::")
    #expect(error?.message.contains("'id=' is given twice") == true)
  }

  @Test func anUnclosedDivFailsAtItsOpeningLine() {
    let error = bodyError("::: challenge\n::: hint\nA hint.\n:::\n")
    #expect(error?.line == EpisodeText.line(1))
    #expect(error?.message.contains("the 'challenge' div opened here is never closed") == true)
  }

  @Test func theInnermostUnclosedDivIsReported() {
    let error = bodyError("::: challenge\n::: hint\nA hint.\n")
    #expect(error?.line == EpisodeText.line(2))
    #expect(error?.message.contains("the 'hint' div opened here is never closed") == true)
  }

  @Test func aStrayClosingFenceIsAnError() {
    let error = bodyError("::: callout\nNote.\n:::\n:::\n")
    #expect(error?.line == EpisodeText.line(4))
    #expect(error?.message.contains("this ':::' line closes a div, but no div is open here") == true)
  }
}
