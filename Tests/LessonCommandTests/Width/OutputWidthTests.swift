import CNN
import CNNTestSupport
import Foundation
import LessonContent
import LessonEngine
import TerminalUI
import Testing

@testable import lesson

/// Every line `lesson` prints fits the width it lays out for, counted in display columns (a wide
/// character takes two, a combining mark none, escape codes none), at 40, 60, 80 and 120
/// columns: each episode walked as a learner walks it (steps run, a step revisited, hints, wrong
/// answers, solutions), and the output of every command.
///
/// At 40 and 120 columns the output is plain, as a pipe gets it, and must hold no escape code and
/// no carriage return; at 60 it is a 256-colour terminal and at 80 a 24-bit one, where a
/// progress line is redrawn in place: each state of such a line must fit too.
@Suite(.isolatedSession) struct OutputWidthTests {
  static let widths = [40, 60, 80, 120]
  static let root = ShippedLessonTests.root

  /// The output each width is tried with.
  static func capabilities(width: Int) -> TerminalCapabilities {
    switch width {
    case 60: TerminalCapabilities(isTerminal: true, colors: .palette256, width: width)
    case 80: TerminalCapabilities(isTerminal: true, colors: .trueColor, width: width)
    default: .plain(width: width)
    }
  }

  /// What is wrong with `text` as output for `capabilities`: each line wider than the width (a
  /// line redrawn with `\r` counts each state), and escape codes or `\r` in plain output.
  static func problems(in text: String, for capabilities: TerminalCapabilities, _ what: String) -> [String] {
    var problems: [String] = []
    if capabilities.colors == .none && text.contains("\u{1B}") {
      problems.append("\(what): an escape code in plain output")
    }
    if !capabilities.isTerminal && text.contains("\r") { problems.append("\(what): a carriage return in a pipe") }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      for state in line.split(separator: "\r") where TextLayout.visibleWidth(String(state)) > capabilities.width {
        problems.append("\(what): \(TextLayout.visibleWidth(String(state))) columns: \(String(state).debugDescription)")
      }
    }
    return problems
  }

  // MARK: - Screens

  @Test(arguments: [80, 40])
  func theWelcomeAndTheMenuFitA24RowTerminal(width: Int) {
    let run = InProcessRun()
    defer { run.removeWorkspace() }
    var capabilities = Self.capabilities(width: width)
    capabilities.height = 24
    run.run([], capabilities: capabilities)
    // The prompt's answer is echoed with a newline: the last line is the prompt's.
    let lines = run.output.split(separator: "\n")
    #expect(run.output.contains("Welcome") && run.output.contains("6. Share a CNN"))
    #expect(lines.count <= 24, "\(run.output)")
    #expect(Self.problems(in: run.output, for: capabilities, "the welcome").isEmpty)
  }

  @Test(arguments: widths)
  func everyEpisodeWalkedAsALearnerWalksItFitsTheWidth(width: Int) throws {
    let capabilities = Self.capabilities(width: width)
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let lesson = try Lesson(LessonContent.episodes, root: Self.root, workspace: workspace)
    var problems: [String] = []
    for entry in lesson.entries {
      let captured = CapturedOutput()
      let output = captured.output(capabilities: capabilities)
      let input = PromptDrivenInput(script: entry.script) { captured.text }
      let finished = try LessonRunner(lesson: lesson, input: input, output: output).start(episode: entry.script.number)
      #expect(
        finished, "episode \(entry.script.number) at \(width) columns did not finish:\n\(captured.text.suffix(2_000))")
      problems += Self.problems(in: captured.text, for: capabilities, "episode \(entry.script.number)")
    }
    #expect(problems.isEmpty, "\(problems.count) lines:\n\(problems.prefix(40).joined(separator: "\n"))")
  }

  // MARK: - Commands

  @Test(arguments: widths)
  func everyCommandsOutputFitsTheWidth(width: Int) throws {
    let capabilities = Self.capabilities(width: width)
    let run = InProcessRun()
    defer { run.removeWorkspace() }
    let lesson = try Lesson(LessonContent.episodes, root: Self.root)
    let codeExercise = try #require(lesson.codeExercises.first).id
    let question = try #require(lesson.entries.first?.script.exerciseIDs.first)
    let folder = try ImageFolder()
    for index in 0..<8 {
      try folder.addImage("circle/\(index).ppm", value: UInt8(30 + index), width: 12, height: 12)
      try folder.addImage("square with a rather long class name/\(index).ppm", value: 200, width: 12, height: 12)
    }
    let model = folder.path("model.keras")
    let photo = Self.root + "/Datasets/photos/chelsea.png"
    var commandLines: [[String]] = [["--help"], [], ["list"], ["status"], ["handout"], ["doctor"]]
    commandLines += CommandTable.commands.filter { !$0.name.isEmpty }.map {
      $0.name.split(separator: " ").map(String.init) + ["--help"]
    }
    commandLines += (1...6).map { ["instructor", "\($0)"] }
    commandLines += [
      ["hint", question], ["hint", codeExercise], ["solution", question], ["exercise", codeExercise],
      ["check", codeExercise], ["reset", codeExercise], ["catch-up", "2"], ["no-such-command"], ["start", "9"],
      ["summary", "lesson"], ["summary", "small"], ["summary", "bigger"], ["image", "info", photo],
      ["image", "show", photo], ["train", folder.path, "--epochs", "2", "--image-size", "12", "12", "--save", model],
      ["summary", model], ["evaluate", model, folder.path], ["predict", model, folder.path("circle/0.ppm"), photo],
      ["demo", "visuals", "--epochs", "1"],
      ["bench", "photos", "--images", "8", "--epochs", "1", "--image-size", "32", "32"],
    ]
    var problems: [String] = []
    for arguments in commandLines {
      let before = (run.output.count, run.errors.count)
      run.run(arguments, capabilities: capabilities)
      let printed = String(run.output.dropFirst(before.0)) + String(run.errors.dropFirst(before.1))
      #expect(!printed.isEmpty, "`lesson \(arguments.joined(separator: " "))` printed nothing")
      problems += Self.problems(in: printed, for: capabilities, "lesson " + arguments.joined(separator: " "))
    }
    #expect(problems.isEmpty, "\(problems.count) lines:\n\(problems.prefix(60).joined(separator: "\n"))")
  }
}
