import CNN
import LessonToolkit
import Testing

@Suite struct FillInBlanksTests {
  let blanks = FillInBlanks([" 16 ", "relu", "three"])

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
}
