import Foundation
import TerminalUI
import Testing

@testable import lesson

@Suite struct HelpTests {
  /// Wide enough for every line as written (the widest is 104 columns).
  @Test func theOverviewIsWhatLessonHelpPrintedBeforeItWasGenerated() throws {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures/help.txt")
    let recorded = try String(contentsOf: fixture, encoding: .utf8)
    // `print` adds the final newline.
    #expect(Help.overview(width: 120) + "\n" == recorded)
  }

  @Test func theOverviewListsEveryCommand() {
    for command in CommandTable.commands where !command.sharesOverviewRow {
      #expect(Help.overview(width: 120).contains(command.synopsis), "\(command.synopsis)")
    }
  }

  @Test(arguments: CommandTable.commands.filter { !$0.name.isEmpty }.map(\.name))
  func everyCommandHasItsOwnHelp(name: String) throws {
    let words = name.split(separator: " ").map(String.init)
    for spelling in [words + ["--help"], words + ["-h"], ["help"] + words] {
      #expect(try LessonCommand.parse(spelling) == .commandHelp(name))
    }
    let command = try #require(CommandTable.command(named: name))
    let usage = Help.usage(of: name, width: 200)
    #expect(usage.hasPrefix("Usage: lesson \(name)"))
    for argument in command.arguments { #expect(usage.contains(argument.summary)) }
    for option in command.options { #expect(usage.contains("  \(option.synopsis)")) }
    #expect(usage.contains("Example: lesson " + command.example.joined(separator: " ")))
  }

  @Test func commandHelpShowsArgumentsOptionsAndDefaults() {
    let usage = Help.usage(of: "start")
    #expect(usage.hasPrefix("Usage: lesson start N [--no-pause] [--from STEP]\n"))
    #expect(usage.contains("  --from STEP  Start at step STEP (default: 1)"))
    #expect(Help.usage(of: "train").contains("--epochs N        Passes over the images (default: 10)"))
  }

  @Test(arguments: [40, 60, 80])
  func everyCommandsHelpFitsTheWidth(width: Int) {
    let topics = CommandTable.commands.filter { !$0.name.isEmpty }.map(\.name) + ["image", "bench"]
    for topic in topics {
      let long = Help.usage(of: topic, width: width).split(separator: "\n").filter {
        TextLayout.visibleWidth(String($0)) > width
      }
      #expect(long.isEmpty, "lesson \(topic) --help at \(width) columns: \(long)")
    }
  }

  @Test(arguments: [40, 60, 80, 100])
  func theOverviewFitsTheWidth(width: Int) {
    let lines = Help.overview(width: width).split(separator: "\n").map(String.init)
    let long = lines.filter { TextLayout.visibleWidth($0) > width }
    #expect(long.isEmpty, "lesson --help at \(width) columns: \(long)")
    let words = { (text: String) in text.split { $0 == " " || $0 == "\n" } }
    #expect(words(lines.joined(separator: " ")) == words(Help.overview(width: 120)), "rewrapping loses no word")
  }

  @Test func anEntryTooWideIsRewrappedUnderItsSynopsis() throws {
    let lines = Help.overview(width: 80).split(separator: "\n").map(String.init)
    let start = try #require(lines.firstIndex { $0.hasPrefix("  lesson start N") })
    #expect(lines[start] == "  lesson start N             Walk episode N: each step's code is shown, then")
    #expect(lines[start + 1].hasPrefix(String(repeating: " ", count: 29) + "runs when you press Enter"))
  }

  @Test func aCommandsOwnHelpListsItsOptionsOnceNotTheOverviewsReminder() {
    let usage = Help.usage(of: "train", width: 100)
    #expect(!usage.contains("Options: --model NAME (lesson)"))
    #expect(usage.contains("  --model NAME      The reference model to train (default: lesson)"))
    #expect(Help.overview(width: 120).contains("Options: --model NAME (lesson)"), "the overview keeps its reminder")
  }

  @Test func aGroupsHelpListsItsCommands() throws {
    #expect(try LessonCommand.parse(["image", "--help"]) == .commandHelp("image"))
    let usage = Help.usage(of: "image")
    #expect(usage.contains("lesson image info PATH") && usage.contains("lesson image convert IN OUT"))
  }

  @Test func helpAfterAnArgumentStillShowsTheCommandsHelpWithStatusZero() throws {
    #expect(try LessonCommand.parse(["start", "--help"]) == .commandHelp("start"))
    #expect(try LessonCommand.parse(["start", "3", "--help"]) == .commandHelp("start"))
    #expect(LessonCommand.run(arguments: ["train", "-h"]) == LessonCommand.Status.success)
  }

  @Test func helpForAMistypedCommandSuggestsOne() {
    let error = #expect(throws: UsageError.self) { try LessonCommand.parse(["help", "strat"]) }
    #expect(error?.description == "'strat' is not a lesson command. Did you mean 'start'?")
  }
}
