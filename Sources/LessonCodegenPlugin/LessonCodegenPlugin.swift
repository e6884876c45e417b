import Foundation
import PackagePlugin

/// Turns the episodes of a lesson (`NN-name.md` files) into Swift, before the target that applies
/// this plugin is compiled: one generated file per episode, plus `Episodes.swift`, the index.
///
/// The episodes are the target's own `.md` files when it has some (a test lesson), otherwise the
/// package's `Lessons/` folder.
@main
struct LessonCodegenPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    guard let sourceTarget = target as? SourceModuleTarget else { return [] }
    let own = episodeFiles(in: sourceTarget.directoryURL)
    let files = own.isEmpty ? episodeFiles(in: context.package.directoryURL.appending(path: "Lessons")) : own
    let outputFolder = context.pluginWorkDirectoryURL.appending(path: "GeneratedEpisodes")
    let outputs =
      files.compactMap { file -> URL? in
        guard let number = Int(file.lastPathComponent.prefix(2)) else { return nil }
        return outputFolder.appending(path: "Episode" + (number < 10 ? "0" : "") + "\(number).swift")
      } + [outputFolder.appending(path: "Episodes.swift")]
    try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
    return [
      .buildCommand(
        displayName: "Generating the lesson's episodes from \(files.count) Markdown files",
        executable: try context.tool(named: "LessonCodegen").url,
        arguments: [outputFolder.path, context.package.directoryURL.path] + files.map(\.path),
        inputFiles: files,
        outputFiles: outputs)
    ]
  }

  /// The `NN-name.md` files directly in `folder`, sorted.
  private func episodeFiles(in folder: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { name in
      name.hasSuffix(".md") && name.count > 3 && name.prefix(2).allSatisfy(\.isNumber)
        && name.dropFirst(2).first == "-"
    }.sorted().map { folder.appending(path: $0) }
  }
}
