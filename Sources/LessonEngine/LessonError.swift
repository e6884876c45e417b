import TextEscaping

/// A problem the lesson runner reports to the learner, with what to do about it.
public enum LessonError: Error, Equatable, CustomStringConvertible {
  /// The `Datasets/` folder is not where the runner looks for it.
  case datasetsNotFound
  /// The project folder (with `Package.swift` and `Lessons/`) is not where the runner looks for it.
  case projectNotFound
  /// Two episodes use one exercise or question id.
  case duplicateID(String, episodes: [Int])
  /// There is no episode with this number.
  case noSuchEpisode(Int, available: [Int])
  /// An episode has fewer steps than the step asked for, by `command` (`start`, `present`).
  case noSuchStep(Int, episode: Int, stepCount: Int, command: String = "start")
  /// There is no write-code exercise with this id.
  case noSuchExercise(String, suggestion: String?)
  /// An exercise file the lesson ships is missing.
  case missingExerciseFile(String)
  /// Generated code named a step by a line where its script has no step of that kind.
  case noStepAtLine(Int, path: String)
  /// `lesson present --notes-to PATH` cannot write there.
  case notesNotWritable(path: String, reason: String)
  /// `lesson class report` finds no class opened here (or none with the code given).
  case noClass(String?)
  /// `lesson class leave` without having joined a class.
  case notInClass

  /// The message a learner reads.
  public var description: String {
    switch self {
    case .datasetsNotFound:
      return """
        The Datasets folder was not found. Run lesson from the project's folder (where README.md and \
        Datasets/ are), for example with `swift run lesson`.
        """
    case .projectNotFound:
      return """
        The lesson's folder (with Package.swift and Lessons/) was not found. Run lesson from the project's \
        folder, for example with `swift run lesson`.
        """
    case .duplicateID(let id, let episodes):
      return
        "The id \"\(id)\" is used in episodes \(episodes.map(String.init).joined(separator: " and ")); ids must be unique."
    case .noSuchEpisode(let number, let available):
      return "There is no episode \(number); the episodes are \(available.map(String.init).joined(separator: ", "))."
    case .noSuchStep(let step, let episode, let stepCount, let command):
      return """
        Episode \(episode) has no step \(step): it has \(stepCount) step\(stepCount == 1 ? "" : "s"). Run \
        `\(LaunchCommand.command("\(command) \(episode) --from \(stepCount)"))` to start at its last step.
        """
    case .noSuchExercise(let id, let suggestion):
      return "There is no exercise \"\(id)\"." + (suggestion.map { " Did you mean \"\($0)\"?" } ?? "")
        + " Run `\(LaunchCommand.command("list"))` to see them."
    case .missingExerciseFile(let path):
      return "The lesson's file \(path) is missing. Get a fresh copy of the project, or restore it from the original."
    case .noStepAtLine(let line, let path):
      return """
        The episode's code and its script disagree: \(path):\(line) is not a step of that kind. Build the \
        lesson again (`swift build`), so that both come from the same Markdown.
        """
    case .notesNotWritable(let path, let reason):
      return """
        The instructor's notes cannot be written to \(path.escapedForTerminal()): \(reason). Give --notes-to \
        a file in a folder you can write to, or another terminal (its name is what `tty` prints there, such \
        as /dev/pts/3).
        """
    case .noClass(let code):
      let start = LaunchCommand.command("class start")
      guard let code else { return "No class was opened in this project: `\(start)` opens one." }
      return "There is no class \"\(code.escapedForTerminal())\" in this project's .lesson/class folder. "
        + "Give the code `\(start)` printed, or none for the last class opened."
    case .notInClass:
      return "You have not joined a class, so there is nothing to leave."
    }
  }
}
