import Foundation
import PackagePlugin

/// Turns the episodes of a lesson (`NN-name.md` files) into one Swift file, `Episodes.swift`,
/// before the target that applies this plugin is compiled.
///
/// The episodes are the target's own `.md` files when it has some (a test lesson), otherwise the
/// package's `Lessons/` folder. The folder itself is an input as well as each episode, so adding
/// an episode reruns the generator even though the build plan is not made again.
@main
struct LessonCodegenPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    guard let sourceTarget = target as? SourceModuleTarget else { return [] }
    let ownFolder = sourceTarget.directoryURL
    let folder =
      episodeFiles(in: ownFolder).isEmpty ? context.package.directoryURL.appending(path: "Lessons") : ownFolder
    let files = episodeFiles(in: folder)
    let output = context.pluginWorkDirectoryURL.appending(path: "Episodes.swift")
    return [
      .buildCommand(
        displayName: "Generating the lesson's episodes from \(folder.lastPathComponent)/",
        executable: try context.tool(named: "LessonCodegen").url,
        arguments: [output.path, context.package.directoryURL.path, folder.path],
        inputFiles: [folder] + files,
        outputFiles: [output])
    ]
  }

  /// The Markdown files directly in `folder` whose names start with two digits, sorted.
  private func episodeFiles(in folder: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".md") && $0.count > 5 && $0.prefix(2).allSatisfy(\.isNumber) }
      .sorted().map { folder.appending(path: $0) }
  }
}
