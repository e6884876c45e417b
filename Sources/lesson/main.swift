// The `lesson` command: reads the arguments, runs the command they name, and exits with its status.
import Foundation

let status = LessonCommand.run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(status)
