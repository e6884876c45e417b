import Testing

@testable import LessonFormat

@Suite struct LessonIdentifierTests {
  @Test(arguments: ["first-conv", "a", "layer-2", "2d"])
  func acceptsLowercaseLettersDigitsAndHyphens(id: String) {
    #expect(LessonIdentifier.isWellFormed(id))
  }

  @Test(arguments: ["", "First", "build_model", "build model", "café", "a.b"])
  func rejectsEverythingElse(id: String) {
    #expect(!LessonIdentifier.isWellFormed(id))
  }
}
