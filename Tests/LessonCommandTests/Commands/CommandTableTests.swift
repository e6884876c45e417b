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
    let mentioned = (command.summary + command.overviewNotes).joined(separator: " ").split(whereSeparator: {
      " (),".contains($0)
    })
    .filter { $0.hasPrefix("--") }.map(String.init)
    for option in mentioned { #expect(command.option(named: option) != nil, "\(name) mentions \(option)") }
  }

  @Test func theLongestMatchingNameWins() throws {
    #expect(try CommandTable.command(for: ["bench", "decode", "a.png"]).command.name == "bench decode")
    #expect(try CommandTable.command(for: ["bench", "small"]).rest == ["small"])
  }

  // MARK: - Did you mean

  @Test func aMistypedSubcommandGetsASuggestion() {
    let error = #expect(throws: UsageError.self) { try LessonCommand.parse(["image", "ifno", "a.png"]) }
    #expect(error?.description == "'image ifno' is not a lesson command. Did you mean 'image info'?")
  }

  @Test func aMistypedModelNameGetsASuggestionWhereverAModelIsNamed() {
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
