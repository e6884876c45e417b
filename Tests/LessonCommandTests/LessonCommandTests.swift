import CNN
import TerminalUI
import Testing

@testable import lesson

@Suite struct LessonCommandTests {
  @Test func noArgumentsShowsTheWelcome() throws {
    #expect(try LessonCommand.parse([]) == .walk(.carryOn))
  }

  @Test func helpHasThreeSpellings() throws {
    for spelling in ["--help", "-h", "help"] {
      #expect(try LessonCommand.parse([spelling]) == .help)
    }
    #expect(Help.overview(width: 80).contains("lesson summary MODEL"))
  }

  @Test func summaryTakesAReferenceModelName() throws {
    #expect(try LessonCommand.parse(["summary", "bigger"]) == .model(.summary(model: "bigger")))
  }

  @Test func aMistypedModelNameGetsASuggestion() {
    let error = #expect(throws: UsageError.self) { try LessonCommand.parse(["summary", "lesosn"]) }
    #expect(
      error?.description
        == "There is no reference model called 'lesosn'; the models are lesson, small, bigger. Did you mean 'lesson'?")
  }

  @Test func aMistypedCommandGetsASuggestion() {
    let error = #expect(throws: UsageError.self) { try LessonCommand.parse(["sumary"]) }
    #expect(error?.description == "'sumary' is not a lesson command. Did you mean 'summary'?")
    let unrelated = #expect(throws: UsageError.self) { try LessonCommand.parse(["xyzzy"]) }
    #expect(unrelated?.description == "'xyzzy' is not a lesson command.")
  }

  @Test func summaryWithoutANameSaysWhatIsMissing() {
    #expect(throws: UsageError.missingArgument(command: "summary", argument: "MODEL file or name")) {
      try LessonCommand.parse(["summary"])
    }
  }

  @Test func benchOptionsAreParsed() throws {
    let command = try LessonCommand.parse(["bench", "small", "--epochs", "2", "--images", "640", "--batch-size", "64"])
    #expect(command == .bench(BenchOptions(models: [.small], epochs: 2, images: 640, batchSize: 64)))
    #expect(
      try LessonCommand.parse(["bench", "all", "--threads", "1", "--json"])
        == .bench(BenchOptions(models: ReferenceModel.allCases, threads: 1, json: true)))
    #expect(try LessonCommand.parse(["bench"]) == .bench(BenchOptions()))
    #expect(throws: UsageError.invalidValue(option: "--epochs", value: "zero", requirement: "a positive whole number"))
    {
      try LessonCommand.parse(["bench", "--epochs", "zero"])
    }
  }

  @Test func benchDecodeTakesImageFilesOrNone() throws {
    #expect(try LessonCommand.parse(["bench", "decode", "a.png", "b.png"]) == .benchDecode(["a.png", "b.png"]))
    #expect(try LessonCommand.parse(["bench", "decode"]) == .benchDecode([]))
    #expect(throws: UsageError.unexpectedArgument("--fast")) {
      try LessonCommand.parse(["bench", "decode", "a.png", "--fast"])
    }
  }

  @Test func demoVisualsTakesAnSVGFolderAndEpochs() throws {
    #expect(try LessonCommand.parse(["demo", "visuals"]) == .demoVisuals(svgFolder: nil, epochs: 8))
    #expect(
      try LessonCommand.parse(["demo", "visuals", "--svg", "out", "--epochs", "3"])
        == .demoVisuals(svgFolder: "out", epochs: 3))
    let error = #expect(throws: UsageError.self) { try LessonCommand.parse(["demo", "visual"]) }
    #expect(error?.description == "'demo visual' is not a lesson command. Did you mean 'demo visuals'?")
    let bare = #expect(throws: UsageError.self) { try LessonCommand.parse(["demo"]) }
    #expect(bare?.description == "'demo' is not a lesson command. Did you mean 'demo visuals'?")
  }

  @Test func displayOptionsAreTakenOutOfAnyCommand() throws {
    let (options, rest) = try DisplayOptions.extract(from: ["--color", "never", "summary", "lesson", "--width", "60"])
    #expect(options == DisplayOptions(color: "never", width: 60))
    #expect(rest == ["summary", "lesson"])
    let forced = options.applied(to: TerminalCapabilities(isTerminal: true, colors: .trueColor, width: 100))
    #expect(forced.colors == .none && forced.width == 60)
    let always = DisplayOptions(color: "always").applied(to: .plain())
    #expect(always.colors == .trueColor)
    #expect(throws: UsageError.self) { try DisplayOptions.extract(from: ["--color", "sometimes"]) }
  }

  @Test func colourCountsForceTheirModeWhateverIsDetected() throws {
    let detected = TerminalCapabilities(isTerminal: true, colors: .trueColor, width: 100)
    for (choice, colors) in [
      ("16", TerminalCapabilities.ColorSupport.palette16), ("256", .palette256), ("24bit", .trueColor),
    ] {
      let (options, _) = try DisplayOptions.extract(from: ["--color", choice, "doctor"])
      #expect(options.applied(to: detected).colors == colors)
      #expect(options.applied(to: .plain()).colors == colors, "a pipe too, for captures")
    }
  }

  @Test func heightIsExtractedAndSetsTheRowsPicturesKeepTo() throws {
    let (options, rest) = try DisplayOptions.extract(from: ["image", "show", "cat.png", "--height", "24"])
    #expect(options == DisplayOptions(height: 24))
    #expect(rest == ["image", "show", "cat.png"])
    #expect(options.applied(to: .plain()).height == 24, "a pipe too, for captures")
    #expect(DisplayOptions().applied(to: .plain()).height == nil)
    let short = #expect(throws: UsageError.self) { try DisplayOptions.extract(from: ["--height", "5", "list"]) }
    #expect(short?.description == "--height must be a number of rows, 10 or more, not '5'.")
  }

  @Test func aBadDisplayValueIsQuotedAsGiven() throws {
    let color = #expect(throws: UsageError.self) { try DisplayOptions.extract(from: ["--color", "blue", "list"]) }
    #expect(color?.description == "--color must be always, never, auto, 16, 256 or 24bit, not 'blue'.")
    let width = #expect(throws: UsageError.self) { try DisplayOptions.extract(from: ["--width", "0", "list"]) }
    #expect(width?.description == "--width must be a number of columns, 20 or more, not '0'.")
    let missing = #expect(throws: UsageError.self) { try DisplayOptions.extract(from: ["list", "--width"]) }
    #expect(missing?.description == "`lesson --width` needs a number of columns, 20 or more.")
  }

  @Test func placeholdersInCapitalsTakeTheRightArticle() {
    #expect(
      UsageError.missingArgument(command: "image convert", argument: "IN and OUT file").description
        == "`lesson image convert` needs an IN and OUT file.")
    #expect(
      UsageError.missingArgument(command: "predict", argument: "IMAGE file").description
        == "`lesson predict` needs an IMAGE file.")
    #expect(UsageError.missingArgument(command: "summary", argument: "MODEL").description.contains("needs a MODEL"))
  }

  @Test func usageErrorsExitWithStatusTwo() {
    #expect(LessonCommand.run(arguments: ["nonsense"]) == LessonCommand.Status.usage)
  }

  @Test func aUsageErrorPointsToTheHelpOfTheCommandTyped() {
    #expect(LessonCommand.helpHint(for: ["start", "1", "--from"]) == "Run `lesson start --help` to see what it takes.")
    #expect(LessonCommand.helpHint(for: ["image", "info"]) == "Run `lesson image info --help` to see what it takes.")
    #expect(LessonCommand.helpHint(for: ["nonsense"]) == "Run `lesson --help` to see the commands.")
  }
}
