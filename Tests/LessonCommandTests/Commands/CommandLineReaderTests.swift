import Testing

@testable import lesson

/// Reading a command's words by its table entry: errors quote what was typed and suggest options.
@Suite struct CommandLineReaderTests {
  @Test func aMissingOptionValueSaysWhatToType() {
    let error = #expect(throws: UsageError.self) { try LessonCommand.parse(["start", "1", "--from"]) }
    #expect(error?.description == "`lesson start --from` needs a step number.")
  }

  @Test func aBadOptionValueIsQuotedAsGivenNotTheWordAfterIt() {
    let error = #expect(throws: UsageError.self) {
      try LessonCommand.parse(["demo", "visuals", "--epochs", "many", "--svg", "out"])
    }
    #expect(error?.description == "--epochs must be a positive whole number, not 'many'.")
    let last = #expect(throws: UsageError.self) { try LessonCommand.parse(["demo", "visuals", "--epochs", "0"]) }
    #expect(last?.description == "--epochs must be a positive whole number, not '0'.")
  }

  @Test func aNegativeNumberIsAValueNotAnOption() {
    #expect(throws: UsageError.invalidValue(option: "hint", value: "-1", requirement: "a hint number, such as 2")) {
      try LessonCommand.parse(["hint", "a", "-1"])
    }
  }

  @Test func aMistypedOptionGetsASuggestion() {
    let error = #expect(throws: UsageError.self) { try LessonCommand.parse(["start", "1", "--form", "4"]) }
    #expect(error?.description == "Unexpected argument '--form'. Did you mean '--from'?")
    let train = #expect(throws: UsageError.self) { try LessonCommand.parse(["train", "d", "--epoch", "4"]) }
    #expect(train?.description == "Unexpected argument '--epoch'. Did you mean '--epochs'?")
  }

  @Test func aMistypedDisplayOptionGetsASuggestionInAnyCommand() {
    let error = #expect(throws: UsageError.self) { try LessonCommand.parse(["list", "--widht", "40"]) }
    #expect(error?.description == "Unexpected argument '--widht'. Did you mean '--width'?")
  }
}
