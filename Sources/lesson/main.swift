// The `lesson` command: reads the arguments, runs the command they name, and exits with its status.
import Foundation
import LessonEngine

// Commands shown to the learner are written the way they started the lesson (`swift run lesson`).
let launch = LaunchCommand.form(forProgramAt: CommandLine.arguments.first ?? "lesson")
let status = LaunchCommand.$current.withValue(launch) {
  LessonCommand.run(arguments: Array(CommandLine.arguments.dropFirst()))
}
// A learner in a class: what the command told the class goes now if the instructor's machine
// answers, or waits in the workspace for the next `lesson`.
ClassLink.finishAll(within: 0.3)
exit(status)
