import Foundation

/// Finds the built libraries learner programs link against (`ExerciseBuildFolder.libraries`):
/// beside the running program when they are there, otherwise built into
/// `.build/exercise-libraries` (the first time takes a minute or two; later, `swift build` only
/// checks they are up to date).
enum ExerciseLibraries {
  static func folder(projectRoot: String, report: (String) -> Void) throws -> ExerciseBuildFolder {
    if let beside = ExerciseBuildFolder.ofRunningProgram(), beside.missingFiles.isEmpty { return beside }
    report("Making sure the CNN library for exercises is built (the first time takes a minute or two)…")
    return try ExerciseBuildFolder.buildLibraries(packageRoot: URL(fileURLWithPath: projectRoot))
  }
}
