import Testing

@testable import lesson

@Suite struct CommandTableTests {
  static let named = CommandTable.commands.filter { !$0.name.isEmpty }

  @Test(arguments: named.map(\.name))
  func everyCommandParsesItsDocumentedExample(name: String) throws {
    let command = try #require(CommandTable.command(named: name))
    #expect(command.example.starts(with: name.split(separator: " ").map(String.init)))
    #expect(try CommandTable.command(for: command.example).command.name == name)
    _ = try LessonCommand.parse(command.example)
  }

  @Test func examplesParseToTheCommandsTheyShow() throws {
    #expect(try LessonCommand.parse(["start", "3", "--from", "4"]) == .walk(.start(episode: 3, pauses: true, from: 4)))
    #expect(try LessonCommand.parse(["image", "show", "photo.jpg"]) == .image(.show(path: "photo.jpg")))
    #expect(
      try LessonCommand.parse(["bench", "small", "--epochs", "1", "--images", "640"])
        == .bench(BenchOptions(models: [.small], epochs: 1, images: 640)))
  }

  @Test func commandNamesAreUnique() {
    let names = CommandTable.commands.map(\.name)
    #expect(Set(names).count == names.count)
  }

  @Test(arguments: CommandTable.commands.map(\.name))
  func everyOptionTheOverviewMentionsIsInTheTable(name: String) throws {
    let command = try #require(CommandTable.command(named: name))
    let mentioned = command.summary.joined(separator: " ").split(whereSeparator: { " (),".contains($0) })
      .filter { $0.hasPrefix("--") }.map(String.init)
    for option in mentioned { #expect(command.option(named: option) != nil, "\(name) mentions \(option)") }
  }

  @Test func theLongestMatchingNameWins() throws {
    #expect(try CommandTable.command(for: ["bench", "decode", "a.png"]).command.name == "bench decode")
    #expect(try CommandTable.command(for: ["bench", "small"]).rest == ["small"])
  }

  // MARK: - Errors report the value given

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

  // MARK: - Did you mean

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

  @Test func aUsageErrorPointsToTheHelpOfTheCommandTyped() {
    #expect(LessonCommand.helpHint(for: ["start", "1", "--from"]) == "Run `lesson start --help` to see what it takes.")
    #expect(LessonCommand.helpHint(for: ["image", "info"]) == "Run `lesson image info --help` to see what it takes.")
    #expect(LessonCommand.helpHint(for: ["nonsense"]) == "Run `lesson --help` to see the commands.")
  }

  @Test func aMistypedSubcommandGetsASuggestion() {
    let error = #expect(throws: UsageError.self) { try LessonCommand.parse(["image", "ifno", "a.png"]) }
    #expect(error?.description == "'image ifno' is not a lesson command. Did you mean 'image info'?")
  }

  @Test func aMistypedModelNameGetsASuggestionWherevereAModelIsNamed() {
    for arguments in [["train", "d", "--model", "smal"], ["bench", "smal"], ["summary", "smal"]] {
      let error = #expect(throws: UsageError.self) { try LessonCommand.parse(arguments) }
      #expect(error == .unknownModel("smal", known: ["lesson", "small", "bigger"], suggestion: "small"))
    }
  }

  @Test func aMistypedCommandGetsASuggestionFromTheTable() {
    let error = #expect(throws: UsageError.self) { try LessonCommand.parse(["catchup", "3"]) }
    #expect(error?.description == "'catchup' is not a lesson command. Did you mean 'catch-up'?")
    let help = #expect(throws: UsageError.self) { try LessonCommand.parse(["hepl"]) }
    #expect(help?.description == "'hepl' is not a lesson command. Did you mean 'help'?")
  }
}
