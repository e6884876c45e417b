/// A reason `lesson check` could not compile or run an exercise at all. What the learner's
/// program itself does (not compiling, crashing, looping) is an `ExerciseOutcome`, not an error.
public enum ExerciseRunnerError: Error, Equatable, CustomStringConvertible {
  /// The learner's file is not there.
  case learnerFileMissing(path: String)
  /// The exercise's `check.swift` is not there.
  case checkFileMissing(path: String)
  /// The build folder lacks libraries or modules an exercise links against.
  case librariesNotBuilt(buildFolder: String, missing: [String])
  /// No `swiftc` was found.
  case compilerNotFound
  /// The temporary folder for the program could not be prepared.
  case cannotPrepare(folder: String, reason: String)
  /// A program (the compiler, the exercise, `swift build`) could not be started.
  case cannotStart(program: String, reason: String)
  /// `swift build` failed to build the libraries.
  case libraryBuildFailed(command: String, output: String)
  /// This process got Ctrl-C (`SIGINT`), a hang-up or a `kill` while a program ran; the program
  /// and everything it started were killed.
  case interrupted(signalName: String)

  /// The message the learner reads.
  public var description: String {
    switch self {
    case .learnerFileMissing(let path):
      let id = path.split(separator: "/").last.map { String($0.dropLast(".swift".count)) } ?? "ID"
      return
        "There is no \(path) yet. Run `\(LaunchCommand.command("exercise \(id)"))` to start the exercise from its starter file."
    case .checkFileMissing(let path):
      return """
        The checks of this exercise, \(path), are missing, so it cannot be checked. The lesson's \
        files are incomplete: restore the Lessons folder from the lesson's download.
        """
    case .librariesNotBuilt(let folder, let missing):
      let libraries = ExerciseBuildFolder.libraries
      return """
        Exercises link against the \(libraries.joined(separator: ", ")) libraries, but \
        \(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") not in \(folder). Build them \
        from the project's folder with:
        \(libraries.map { "  swift build --product \($0)" }.joined(separator: "\n"))
        """
    case .compilerNotFound:
      return """
        The Swift compiler (swiftc) was not found on PATH or in the toolchain running this program. \
        Add the toolchain's bin folder to PATH (check with `swiftc --version`) and try again.
        """
    case .cannotPrepare(let folder, let reason):
      return "Could not prepare the folder \(folder) to build the exercise in (\(reason)). Check the disk has space."
    case .cannotStart(let program, let reason):
      return "Could not start \(program) (\(reason)). Check that it exists and can be run."
    case .libraryBuildFailed(let command, let output):
      return "Building the exercise libraries with `\(command)` failed:\n\(output)"
    case .interrupted(let signalName):
      return "Stopped (\(signalName)) before the program finished; it was ended with everything it started."
    }
  }
}
