// The code generator the build plugin runs: `LessonCodegen OUTPUT-FOLDER PACKAGE-ROOT FILE.md…`.
// It parses every episode, writes one Swift file per episode and an index, and exits with a
// compiler-style message (`path:line: error: …`) for a malformed lesson, which the build shows.
import Foundation
import LessonFormat

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
  FileHandle.standardError.write(Data("usage: LessonCodegen OUTPUT-FOLDER PACKAGE-ROOT FILE.md…\n".utf8))
  exit(2)
}
let outputFolder = URL(fileURLWithPath: arguments[0])
let packageRoot = URL(fileURLWithPath: arguments[1]).standardizedFileURL.path
var numbers: [Int] = []
var failed = false
for path in arguments.dropFirst(2) {
  let fullPath = URL(fileURLWithPath: path).standardizedFileURL.path
  let displayPath = fullPath.hasPrefix(packageRoot + "/") ? String(fullPath.dropFirst(packageRoot.count + 1)) : fullPath
  do {
    let text = try String(contentsOfFile: fullPath, encoding: .utf8)
    let episode = try EpisodeParser.parse(text, path: displayPath)
    let swift = EpisodeCodeGenerator.generate(episode, source: text, displayPath: displayPath)
    let name = EpisodeCodeGenerator.typeName(forEpisode: episode.number) + ".swift"
    try swift.write(to: outputFolder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    numbers.append(episode.number)
  } catch let error as LessonFormatError {
    // Compiler-style, so the build and editors point at the Markdown line.
    FileHandle.standardError.write(Data("\(error.path):\(error.line): error: \(error.message)\n".utf8))
    failed = true
  } catch {
    FileHandle.standardError.write(Data("\(displayPath): error: \(error.localizedDescription)\n".utf8))
    failed = true
  }
}
if failed { exit(1) }
let index = EpisodeCodeGenerator.generateIndex(episodeNumbers: numbers)
try index.write(to: outputFolder.appendingPathComponent("Episodes.swift"), atomically: true, encoding: .utf8)
