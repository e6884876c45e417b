import CNN
import Foundation
import LessonEngine
import TerminalUI
import TextEscaping
import TextTools

/// What the learner asked `lesson` to do.
enum LessonCommand: Equatable {
  case help
  /// The help of one command or group, named as in the command table: `start`, `image`.
  case commandHelp(String)
  case walk(WalkCommand)
  case model(ModelCommand)
  case bench(BenchOptions)
  case benchDecode([String])
  case benchConvolutions
  case benchPhotos(PhotosBenchOptions)
  case image(ImageCommand)
  case train(TrainOptions)
  case demoVisuals(svgFolder: String?, epochs: Int)

  /// The exit statuses: 0 done, 1 failed while running, 2 the command line was wrong, 130 stopped by
  /// Ctrl-C (128 + SIGINT, what a shell reports for a program Ctrl-C ended, so a script does not
  /// carry on as if the work were complete).
  enum Status {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let interrupted: Int32 = 130
  }

  /// Parses the arguments (without the program name) by the command table.
  static func parse(_ arguments: [String]) throws(UsageError) -> LessonCommand {
    guard let first = arguments.first else { return .walk(.carryOn) }
    let asksForHelp = first == "help" || arguments.contains { $0 == "--help" || $0 == "-h" }
    guard !asksForHelp else {
      let topic = arguments.filter { $0 != "--help" && $0 != "-h" }.drop { $0 == "help" }
      return topic.isEmpty ? .help : .commandHelp(try CommandTable.helpTopic(Array(topic)))
    }
    let (command, rest) = try CommandTable.command(for: arguments)
    return try command.build(CommandLineReader.read(rest, for: command))
  }

  /// Returns the reference model called `name`, or an error suggesting the closest name.
  static func referenceModel(named name: String) throws(UsageError) -> ReferenceModel {
    guard let model = ReferenceModel(rawValue: name) else {
      let names = ReferenceModel.allCases.map(\.rawValue)
      throw .unknownModel(name, known: names, suggestion: ClosestName.find(to: name, among: names))
    }
    return model
  }

  /// Runs the command the arguments name, printing its output or its error where `context` says,
  /// and returns the exit status.
  static func run(arguments: [String], in context: CommandContext = .standard) -> Int32 {
    let command: LessonCommand
    var display = DisplayOptions()
    do {
      let (options, rest) = try DisplayOptions.extract(from: arguments)
      display = options
      command = try parse(rest)
    } catch {
      let width = display.applied(to: context.capabilities).width
      context.writeError(errorLine("\(error)\n\(helpHint(for: arguments))", width: width))
      return Status.usage
    }
    let output = TerminalOutput(capabilities: display.applied(to: context.capabilities), write: context.write)
    do {
      return try TerminalOutput.$current.withValue(output) { try command.execute(in: context) }
    } catch {
      context.writeError(errorLine("\(error)", width: output.capabilities.width))
      return Status.failure
    }
  }

  /// What to run after a usage error in `arguments`: the help of the command they name, or the
  /// list of commands when they name none.
  static func helpHint(for arguments: [String]) -> String {
    let words = Array(arguments.prefix { !CommandLineReader.isOption($0) })
    guard let command = try? CommandTable.command(for: words).command, !command.name.isEmpty else {
      return "Run `\(LaunchCommand.command("--help"))` to see the commands."
    }
    return "Run `\(LaunchCommand.command("\(command.name) --help"))` to see what it takes."
  }

  /// Runs the command in `context`; returns its exit status.
  private func execute(in context: CommandContext) throws -> Int32 {
    switch self {
    case .help:
      TerminalOutput.current.writeLine(Help.overview(width: TerminalOutput.current.capabilities.width))
    case .commandHelp(let topic):
      TerminalOutput.current.writeLine(Help.usage(of: topic, width: TerminalOutput.current.capabilities.width))
    case .walk(let command):
      return try command.execute(workspace: context.workspace, input: context.input) ? Status.success : Status.failure
    case .model(let command):
      return try command.run(output: TerminalOutput.current) ? Status.success : Status.failure
    case .bench(let options):
      try Bench(options: options).run()
    case .benchDecode(let paths):
      try DecodeBench(paths: paths).run()
    case .benchConvolutions:
      ConvolutionBench().run()
    case .benchPhotos(let options):
      try PhotosBench(options: options).run()
    case .image(let command):
      let output = TerminalOutput.current
      for line in try command.run(capabilities: output.capabilities) { output.writeLine(line) }
    case .train(let options):
      return Self.status(after: try Train(options: options).run())
    case .demoVisuals(let svgFolder, let epochs):
      guard let datasets = ProjectFolder.datasets() else { throw LessonError.datasetsNotFound }
      try DemoVisuals(datasets: datasets, svgFolder: svgFolder, epochs: epochs).run()
    }
    return Status.success
  }

  /// The exit status of training that stopped for `stopReason`: the status of a Ctrl-C, after what
  /// was learned is saved, or a failure when the loss stopped being a number.
  private static func status(after stopReason: History.StopReason) -> Int32 {
    switch stopReason {
    case .completed, .stoppedByCallback: return Status.success
    case .interrupted: return Status.interrupted
    case .lossNotFinite: return Status.failure
    }
  }

  /// `lesson: message` and a newline, as standard error shows it: escaped, since a message may
  /// quote a name from disk or an argument a shell glob made from one, and each line broken at
  /// spaces to `width` columns.
  static func errorLine(_ message: String, width: Int = .max) -> String {
    let escaped = "lesson: \(message.escapedForTerminal(keepingNewlines: true))"
    return escaped.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
      TextLayout.fitted(String($0), width: width)
    }.joined(separator: "\n") + "\n"
  }
}
