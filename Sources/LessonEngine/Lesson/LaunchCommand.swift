/// How the learner started the lesson, so that every command a screen suggests can be typed as it
/// is shown: `swift run lesson check test-set` for a learner who started with `swift run lesson`,
/// where typing `lesson` alone would give "command not found".
public enum LaunchCommand {
  /// The command that starts the lesson, for the current task: `lesson` unless the program set it.
  @TaskLocal public static var current = "lesson"

  /// The command that started a program whose path is `programPath` (`CommandLine.arguments[0]`):
  /// `swift run lesson` when it runs from SwiftPM's build folder, otherwise `lesson`.
  public static func form(forProgramAt programPath: String) -> String {
    programPath.split(separator: "/").contains(".build") ? "swift run lesson" : "lesson"
  }

  /// The command line that does `arguments`: `swift run lesson check test-set`.
  public static func command(_ arguments: String = "") -> String {
    arguments.isEmpty ? current : current + " " + arguments
  }
}
