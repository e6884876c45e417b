import Foundation
import LessonContent
import LessonEngine
import TerminalUI

/// The commands that walk the lesson and work with its exercises.
enum WalkCommand: Equatable {
  case carryOn
  case start(episode: Int, pauses: Bool, from: Int)
  case present(episode: Int, from: Int, notesTo: String?)
  case list
  case status
  case exercise(String)
  case check(String?)
  case watch(String?)
  case hint(String, number: Int?)
  case solution(String)
  case reset(String)
  case catchUp(Int)
  case instructor(Int)
  case handout
  case doctor
  case verify(episodes: [Int])
  case classStart(ClassInstructor.StartOptions)
  case classJoin(address: String, code: String, name: String?)
  case classLeave
  case classReport(code: String?)

  /// Runs the command on the shipped lesson, in the project folder, with the learner's files in
  /// `workspace` (nil: the project's `.lesson` folder) and answers read from `input`.
  ///
  /// - Returns: whether it succeeded (a failed check or verification gives the exit status 1).
  func execute(workspace: String?, input: LineInput) throws -> Bool {
    guard let root = ProjectFolder.locate() else { throw LessonError.projectNotFound }
    // Paths on the command line are the user's, from where they typed it.
    let startingFolder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    // Lesson code and learners' programs name files from the project folder: "Datasets/digits".
    _ = FileManager.default.changeCurrentDirectoryPath(root)
    let lesson = try Lesson(LessonContent.episodes, root: root, workspace: workspace)
    let output = TerminalOutput.current
    let runner = LessonRunner(lesson: lesson, input: input, output: output)
    let exercises = ExerciseCommands(lesson: lesson, input: input, output: output)
    switch self {
    case .carryOn:
      try runner.carryOn()
    case .start(let episode, let pauses, let from):
      return try runner.start(episode: episode, options: .start(pauses: pauses, firstStep: from, input: input))
    case .present(let episode, let from, let notesTo):
      let notes = try notesTo.map { path throws(LessonError) in
        try Presenter.notesOutput(at: URL(fileURLWithPath: path, relativeTo: startingFolder).path)
      }
      return try runner.present(episode: episode, from: from, presenter: Presenter(notes: notes))
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
      let handout = MarkdownReflow.reflowed(InstructorNotes.handout(lesson), width: output.capabilities.width)
      // Written a line at a time, so that each ends with exactly one newline, the last included.
      var lines = handout.split(separator: "\n", omittingEmptySubsequences: false)
      if lines.last?.isEmpty == true { lines.removeLast() }
      for line in lines { output.writeLine(String(line)) }
    case .doctor:
      return Doctor(lesson: lesson, output: output).run()
    case .verify(let episodes):
      return try Verify(lesson: lesson, episodes: episodes.isEmpty ? nil : Set(episodes), output: output).run()
    case .classStart(let options):
      try ClassInstructor(lesson: lesson, input: input, output: output).start(options)
    case .classJoin(let address, let code, let name):
      return try ClassLearner(lesson: lesson, input: input, output: output).join(
        address: address, code: code, name: name)
    case .classLeave:
      try ClassLearner(lesson: lesson, input: input, output: output).leave()
    case .classReport(let code):
      try ClassInstructor(lesson: lesson, input: input, output: output).report(code: code)
    }
    return true
  }
}
