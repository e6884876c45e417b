import Foundation

/// A folder SwiftPM built the package into (`.build/debug` or `.build/release`), which holds what
/// a learner's exercise is compiled against: the `CNN`, `LessonChecks` and `LessonToolkit` dynamic
/// libraries and the `Modules/` folder with their interfaces.
///
/// `swift build` and `swift test` both build the libraries (they are products of the package);
/// `swift run lesson` builds only what `lesson` needs, so `buildLibraries(packageRoot:)` can build
/// them when they are missing.
public struct ExerciseBuildFolder: Equatable, Sendable {
  /// The libraries an exercise links against: the CNN library, the checks, and what lesson code
  /// calls (`show` and pictures of tensors), so an exercise can draw what it computes.
  public static let libraries = ["CNN", "LessonChecks", "LessonToolkit"]

  /// The folder.
  public var url: URL

  /// Wraps the folder at `url`.
  public init(_ url: URL) {
    self.url = url
  }

  /// The files an exercise needs that are not in the folder (empty when it is ready), relative
  /// to it: `libCNN.so`, `Modules/CNN.swiftmodule`, …
  public var missingFiles: [String] {
    Self.libraries.flatMap { [DynamicLibraryName.file(for: $0), "Modules/\($0).swiftmodule"] }.filter {
      !FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path)
    }
  }

  /// The build folder that holds `executable` (the `lesson` command or a test binary): the
  /// nearest folder above it that has a `Modules/` folder, or nil.
  public static func containing(_ executable: URL) -> ExerciseBuildFolder? {
    var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.path != "/" && !folder.path.isEmpty {
      var isFolder: ObjCBool = false
      let modules = folder.appendingPathComponent("Modules").path
      if FileManager.default.fileExists(atPath: modules, isDirectory: &isFolder), isFolder.boolValue {
        return ExerciseBuildFolder(folder)
      }
      folder.deleteLastPathComponent()
    }
    return nil
  }

  /// The build folder of the running program, found from its path: the executable, then any
  /// argument naming a path in a `.xctest` bundle (on macOS, `swift test` runs a helper from the
  /// toolchain and passes it the test binary that way).
  public static func ofRunningProgram() -> ExerciseBuildFolder? {
    let candidates = CommandLine.arguments.prefix(1) + CommandLine.arguments.filter { $0.contains(".xctest") }
    return candidates.lazy.compactMap { containing(URL(fileURLWithPath: $0)) }.first
  }

  /// Builds the libraries for the package at `packageRoot` with `swift build --product`,
  /// and returns the folder they are in.
  ///
  /// They are built in a scratch folder of their own, `.build/exercise-libraries`, not in
  /// `.build`: while `swift test` or `swift run` is running, SwiftPM holds `.build`'s lock, and
  /// a second `swift build` there would wait for it for ever. The first build takes a minute or
  /// two (it compiles CNN); later ones only check that nothing changed.
  ///
  /// - Throws: `ExerciseRunnerError` when `swift build` cannot be started or fails.
  public static func buildLibraries(packageRoot: URL, release: Bool = false) throws(ExerciseRunnerError)
    -> ExerciseBuildFolder
  {
    let scratch = packageRoot.appendingPathComponent(".build/exercise-libraries")
    let configuration = release ? "release" : "debug"
    guard let swift = SwiftCompilerLocation.find()?.deletingLastPathComponent().appendingPathComponent("swift")
    else { throw .compilerNotFound }
    for library in libraries {
      let arguments = [
        "build", "--package-path", packageRoot.path, "--scratch-path", scratch.path, "-c", configuration,
        "--product", library,
      ]
      let build = ChildProcess(executable: swift, arguments: arguments, timeLimit: .seconds(30 * 60))
      let result = try build.run()
      guard result.termination == .exited(status: 0) else {
        throw .libraryBuildFailed(
          command: "swift " + arguments.joined(separator: " "),
          output: (result.standardOutput + result.standardError).split(separator: "\n").suffix(30).joined(
            separator: "\n"))
      }
    }
    return ExerciseBuildFolder(scratch.appendingPathComponent(configuration))
  }
}
