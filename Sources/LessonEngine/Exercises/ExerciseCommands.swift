import ClassMode
import Foundation
import LessonChecks
import TerminalUI
import TextTools

/// The write-code exercise commands: `exercise`, `check`, `watch`, `hint`, `solution`, `reset`.
/// The learner's file lives in the workspace (`.lesson/exercises/ID.swift`); the starter, solution
/// and checks ship with the lesson, so `reset` never needs git.
public struct ExerciseCommands {
  let lesson: Lesson
  let input: LineInput
  let output: TerminalOutput

  /// Creates the commands for `lesson`.
  public init(lesson: Lesson, input: LineInput, output: TerminalOutput = .current) {
    self.lesson = lesson
    self.input = input
    self.output = output
  }

  private var screen: Screen { Screen(output: output) }

  /// The exercise called `id`, or an error suggesting the closest id.
  func exercise(_ id: String) throws -> CodeExercise {
    guard let exercise = lesson.codeExercise(id) else {
      let ids = lesson.codeExercises.map(\.id)
      throw LessonError.noSuchExercise(id, suggestion: ClosestName.find(to: id, among: ids))
    }
    return exercise
  }

  /// `lesson exercise ID`: copies the starter into the workspace (unless the learner already has a
  /// copy) and says what to do.
  public func start(_ id: String) throws {
    let exercise = try exercise(id)
    try requireFile(exercise.starter)
    if !FileManager.default.fileExists(atPath: exercise.workspaceFile) {
      try FileManager.default.createDirectory(
        atPath: (exercise.workspaceFile as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: exercise.starter, toPath: exercise.workspaceFile)
    }
    recordProgress { try $0.recordLastExercise(id) }
    screen.line(screen.styled("Exercise \(id) (episode \(exercise.episode))", bold: true))
    screen.prose(exercise.task)
    screen.line()
    screen.line("Edit: \(exercise.workspaceFile.relativePath(to: lesson.root))")
    screen.line(
      "Then: \(LaunchCommand.command("check \(id)"))   (or `\(LaunchCommand.command("watch \(id)"))` to check every "
        + "time you save)")
    if !exercise.hints.isEmpty { screen.line("Stuck? lesson hint \(id)") }
  }

  /// `lesson check [ID]`: compiles the learner's file with the exercise's checks and reports them.
  ///
  /// - Returns: whether every check passed.
  public func check(_ id: String?) throws -> Bool {
    let exercise = try self.exercise(try resolved(id))
    guard FileManager.default.fileExists(atPath: exercise.workspaceFile) else {
      screen.line(
        "You have no file for \(exercise.id) yet: run `\(LaunchCommand.command("exercise \(exercise.id)"))` first.")
      return false
    }
    screen.line("Checking \(exercise.workspaceFile.relativePath(to: lesson.root))…")
    let outcome = try run(exercise, learnerFile: exercise.workspaceFile)
    screen.lines(CheckReport(outcome).lines(for: output.capabilities))
    let checked = ProgressEvent.checked(
      exercise: exercise.id, passed: outcome.passed, firstFailure: outcome.firstFailure, given: nil)
    recordProgress(telling: checked) {
      try $0.recordExercise(exercise.id, passed: outcome.passed)
      try $0.recordLastExercise(exercise.id)
    }
    if outcome.passed {
      screen.line("Well done. See a worked solution with `\(LaunchCommand.command("solution \(exercise.id)"))`.")
    }
    return outcome.passed
  }

  /// Compiles and runs `learnerFile` with `exercise`'s checks.
  func run(_ exercise: CodeExercise, learnerFile: String, shownAs display: String? = nil) throws -> ExerciseOutcome {
    try requireFile(exercise.check)
    let folder = try ExerciseLibraries.folder(projectRoot: lesson.root, report: { screen.line($0) })
    let files = ExerciseFiles(
      learnerFile: URL(fileURLWithPath: learnerFile),
      learnerDisplayPath: display ?? learnerFile.relativePath(to: lesson.root),
      checkFile: URL(fileURLWithPath: exercise.check), checkDisplayPath: exercise.check.relativePath(to: lesson.root))
    return try ExerciseRunner(buildFolder: folder, workingDirectory: URL(fileURLWithPath: lesson.root)).check(files)
  }

  /// `lesson watch [ID]`: checks the file now and whenever it is saved again, until the learner
  /// presses Enter after a pass (or types q).
  public func watch(_ id: String?) throws {
    let exercise = try self.exercise(try resolved(id))
    if !FileManager.default.fileExists(atPath: exercise.workspaceFile) { try start(exercise.id) }
    var lastChange = modificationDate(exercise.workspaceFile)
    var passed = try check(exercise.id)
    while true {
      screen.line(
        passed
          ? "Press Enter to move on (q to stop)."
          : "Watching \(exercise.workspaceFile.relativePath(to: lesson.root)): save it to check again; q and Enter to stop."
      )
      var checkedAgain = false
      while !checkedAgain {
        if InputReadiness.standardInputIsReady(within: 0.5) {
          let line = input.readAnswer(echoingTo: screen.output)
          if line == nil || line?.lowercased() == "q" || passed { return }
          passed = try check(exercise.id)
          checkedAgain = true
        } else if modificationDate(exercise.workspaceFile) != lastChange {
          lastChange = modificationDate(exercise.workspaceFile)
          screen.line()
          passed = try check(exercise.id)
          checkedAgain = true
        }
      }
    }
  }

  /// `lesson hint ID [N]`: hint N (from 1) of the exercise or question, or the next one the
  /// learner has not seen.
  public func hint(_ id: String, number: Int?) throws {
    let feedback = try self.feedback(id)
    guard !feedback.hints.isEmpty else {
      screen.line("\(id) has no hints.")
      return
    }
    let progress = try lesson.progress(reportingTo: output)
    let shown = screen.hint(feedback.hints, number: number ?? (progress.hintsSeen[id] ?? 0) + 1)
    recordProgress { try $0.recordHintSeen(id, number: shown) }
    if shown < feedback.hints.count {
      screen.line("The next one: `\(LaunchCommand.command("hint \(id)"))`")
    } else if feedback.hints.count > 1 {
      screen.line("That is the last hint.")
    }
  }

  /// `lesson solution ID`: after a pass or once the learner confirms, the shipped solution of a
  /// write-code exercise, the values of a fill-in's blanks, and the explanation.
  public func solution(_ id: String) throws {
    let feedback = try self.feedback(id)
    if case .code(let exercise) = feedback.kind { try requireFile(exercise.solution) }
    let progress = try lesson.progress(reportingTo: output)
    if progress.exercises[id]?.passed != true {
      screen.prompt("You have not passed \(id) yet. Show the solution anyway? Type yes:")
      guard input.readAnswer(echoingTo: screen.output)?.trimmingCharacters(in: .whitespaces).lowercased() == "yes"
      else {
        screen.line("Not shown. Try `\(LaunchCommand.command("hint \(id)"))` first.")
        return
      }
    }
    recordProgress(telling: .sawSolution(exercise: id)) { try $0.recordSolutionSeen(id) }
    screen.line(screen.styled("Solution of \(id):", bold: true))
    switch feedback.kind {
    case .code(let exercise):
      let code = try String(contentsOfFile: exercise.solution, encoding: .utf8)
      screen.lines(highlightedSwift(code, for: output.capabilities, indentedBy: 2))
    case .fillIn(let fillIn):
      for index in fillIn.answers.indices {
        screen.line("  \(EpisodeSession.label(forBlank: index, of: fillIn)): \(fillIn.answers[index])")
      }
    case .question:
      if feedback.explanation == nil { screen.line("The walk computes its answer when it asks the question.") }
    }
    if let explanation = feedback.explanation { screen.explanation(explanation) }
  }

  /// The hints and explanation of exercise or question `id`, or an error suggesting the closest id.
  func feedback(_ id: String) throws -> Lesson.ExerciseFeedback {
    guard let feedback = lesson.feedback(for: id) else {
      throw LessonError.noSuchExercise(id, suggestion: ClosestName.find(to: id, among: lesson.exerciseIDs))
    }
    return feedback
  }

  /// `lesson reset ID`: puts the shipped starter back in place of the learner's file, after asking.
  public func reset(_ id: String) throws {
    let exercise = try self.exercise(id)
    try requireFile(exercise.starter)
    if FileManager.default.fileExists(atPath: exercise.workspaceFile) {
      screen.prompt(
        "This replaces your \(exercise.workspaceFile.relativePath(to: lesson.root)) with the starter. Type yes:")
      guard input.readAnswer(echoingTo: screen.output)?.trimmingCharacters(in: .whitespaces).lowercased() == "yes"
      else {
        screen.line("Left as it was.")
        return
      }
      try FileManager.default.removeItem(atPath: exercise.workspaceFile)
    }
    try start(id)
  }

  // MARK: - Helpers

  /// Records a change of progress, and tells the class `event` when the learner joined one. A
  /// failure is shown, and the command goes on: the learner's file and the check's outcome matter
  /// more than the record of them.
  private func recordProgress(telling event: ProgressEvent? = nil, _ change: (ProgressStore) throws -> Void) {
    if let event { lesson.classLink?.send(event) }
    do {
      try change(try lesson.progress(reportingTo: output))
    } catch {
      screen.bad("\(error)")
    }
  }

  private func resolved(_ id: String?) throws -> String {
    if let id { return id }
    if let last = try lesson.progress(reportingTo: output).lastExercise { return last }
    throw LessonError.noSuchExercise("(none given)", suggestion: lesson.codeExercises.first?.id)
  }

  private func requireFile(_ path: String) throws {
    guard FileManager.default.fileExists(atPath: path) else {
      throw LessonError.missingExerciseFile(path.relativePath(to: lesson.root))
    }
  }

  private func modificationDate(_ path: String) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
  }
}
