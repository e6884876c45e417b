import Foundation
import LessonContent
import LessonEngine
import TerminalUI

/// The commands that walk the lesson and work with its exercises.
enum WalkCommand: Equatable {
  case carryOn
  case start(episode: Int, pauses: Bool, from: Int)
  case list
  case status
  case exercise(String)
  case check(String?)
  case watch(String?)
  case hint(String, number: Int)
  case solution(String)
  case reset(String)
  case catchUp(Int)
  case instructor(Int)
  case handout
  case doctor
  case verify(episodes: [Int])

  /// The command names this enum parses.
  static let names = [
    "start", "list", "status", "exercise", "check", "watch", "hint", "solution", "reset", "catch-up", "instructor",
    "handout", "doctor", "verify",
  ]

  /// Parses `name` and the arguments after it.
  static func parse(_ name: String, _ arguments: [String]) throws(UsageError) -> WalkCommand {
    var rest = arguments[...]
    func episodeNumber(_ command: String) throws(UsageError) -> Int {
      guard let text = rest.popFirst() else { throw .missingArgument(command: command, argument: "episode number") }
      guard let number = Int(text), number > 0 else {
        throw .invalidValue(option: command, value: text, requirement: "an episode number, such as 3")
      }
      return number
    }
    func identifier(_ command: String) throws(UsageError) -> String {
      guard let id = rest.popFirst(), !id.hasPrefix("-") else {
        throw .missingArgument(command: command, argument: "exercise ID")
      }
      return id
    }
    let command: WalkCommand
    switch name {
    case "start":
      let number = try episodeNumber("start")
      var pauses = true
      var from = 1
      while let option = rest.popFirst() {
        switch option {
        case "--no-pause": pauses = false
        case "--from":
          let text = rest.popFirst() ?? ""
          guard let step = Int(text), step > 0 else {
            throw .invalidValue(option: "--from", value: text, requirement: "a step number, such as 4")
          }
          from = step
        default: throw .unexpectedArgument(option)
        }
      }
      return .start(episode: number, pauses: pauses, from: from)
    case "list": command = .list
    case "status": command = .status
    case "exercise": command = .exercise(try identifier("exercise"))
    case "check": command = .check(rest.popFirst())
    case "watch": command = .watch(rest.popFirst())
    case "hint":
      let id = try identifier("hint")
      var number = 1
      if let text = rest.popFirst() {
        guard let value = Int(text), value > 0 else {
          throw .invalidValue(option: "hint", value: text, requirement: "a hint number, such as 2")
        }
        number = value
      }
      command = .hint(id, number: number)
    case "solution": command = .solution(try identifier("solution"))
    case "reset": command = .reset(try identifier("reset"))
    case "catch-up": command = .catchUp(try episodeNumber("catch-up"))
    case "instructor": command = .instructor(try episodeNumber("instructor"))
    case "handout": command = .handout
    case "doctor": command = .doctor
    case "verify":
      var numbers: [Int] = []
      while !rest.isEmpty { numbers.append(try episodeNumber("verify")) }
      command = .verify(episodes: numbers)
    default: throw .unknownCommand(name, suggestion: nil)
    }
    if let extra = rest.first { throw .unexpectedArgument(extra) }
    return command
  }

  /// Runs the command.
  ///
  /// - Returns: whether it succeeded (a failed check or verification gives the exit status 1).
  func execute() throws -> Bool {
    guard let root = ProjectFolder.locate() else { throw LessonError.projectNotFound }
    // Lesson code and learners' programs name files from the project folder: "Datasets/digits".
    _ = FileManager.default.changeCurrentDirectoryPath(root)
    let lesson = try Lesson(LessonContent.episodes, root: root)
    let output = TerminalOutput.current
    let runner = LessonRunner(lesson: lesson, input: StandardInput(), output: output)
    let exercises = ExerciseCommands(lesson: lesson, input: StandardInput(), output: output)
    switch self {
    case .carryOn:
      try runner.carryOn()
    case .start(let episode, let pauses, let from):
      return try runner.start(episode: episode, options: WalkOptions(pauses: pauses, firstStep: from))
    case .list:
      for line in ListScreen(lesson: lesson, progress: try lesson.progress(reportingTo: output)).lines(
        for: output.capabilities)
      {
        output.writeLine(line)
      }
    case .status:
      output.writeLine(ListScreen.statusLine(lesson: lesson, progress: try lesson.progress(reportingTo: output)))
    case .exercise(let id): try exercises.start(id)
    case .check(let id): return try exercises.check(id)
    case .watch(let id): try exercises.watch(id)
    case .hint(let id, let number): try exercises.hint(id, number: number)
    case .solution(let id): try exercises.solution(id)
    case .reset(let id): try exercises.reset(id)
    case .catchUp(let episode):
      return try CatchUp(lesson: lesson, output: output).prepare(episode: episode)
    case .instructor(let episode):
      let notes = try InstructorNotes.instructor(lesson, episode: episode)
      for line in MarkdownView(notes).lines(for: output.capabilities) { output.writeLine(line) }
    case .handout:
      output.write(InstructorNotes.handout(lesson))
    case .doctor:
      return Doctor(lesson: lesson, output: output).run()
    case .verify(let episodes):
      return try Verify(lesson: lesson, episodes: episodes.isEmpty ? nil : Set(episodes), output: output).run()
    }
    return true
  }
}
