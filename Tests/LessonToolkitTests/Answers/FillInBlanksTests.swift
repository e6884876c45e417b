import CNN
import LessonToolkit
import Testing

@Suite struct FillInBlanksTests {
  let blanks = FillInBlanks(typed: [" 16 ", "relu", "three"], answers: ["16", "relu", "3"])

  @Test func eachBlankIsParsedAsTheTypeAskedFor() throws {
    #expect(try blanks.value(0) as Int == 16)
    #expect(try blanks.value(1) as ActivationFunction == .relu)
  }

  @Test func aBlankOfTheWrongKindNamesItsNumberWhatWasTypedAndWhatToType() {
    let error = #expect(throws: BlankError.self) { try blanks.value(2) as Int }
    #expect(error?.description == "Blank 3: \"three\" is not a whole number, such as 16.")
  }

  @Test func aMissingBlankIsAnEmptyOne() {
    let error = #expect(throws: BlankError.self) { try blanks.value(3) as Double }
    #expect(error?.blank == 4 && error?.typed == "" && error?.expected == Double.lessonInputDescription)
  }

  @Test func eachBlankParsedIsComparedWithItsAnswerInItsType() throws {
    let typed = FillInBlanks(typed: ["32", "[3, 3]", "ReLU"], answers: ["16", "3", "relu"])
    _ = try typed.value(0) as Int
    _ = try typed.value(1) as Size2D
    _ = try typed.value(2) as ActivationFunction
    #expect(typed.matchesAnswer == [0: false, 1: true, 2: true])
  }
}
