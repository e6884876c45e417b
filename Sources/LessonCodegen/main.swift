// The code generator the build plugin runs: `LessonCodegen OUTPUT-FILE PACKAGE-ROOT LESSON-FOLDER`.
// It parses every episode (`NN-name.md`) in the folder, writes them all as one Swift file, and
// exits with a compiler-style message (`path:line: error: …`) for a malformed lesson, which the
// build shows. It reads the folder itself, so an episode added since the build was planned is
// still found.
import Foundation
import LessonFormat
import LessonScript
import TextTools

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 3 else {
  FileHandle.standardError.write(Data("usage: LessonCodegen OUTPUT-FILE PACKAGE-ROOT LESSON-FOLDER\n".utf8))
  exit(2)
}
let outputFile = URL(fileURLWithPath: arguments[0])
let packageRoot = URL(fileURLWithPath: arguments[1]).standardizedFileURL.path
let folder = URL(fileURLWithPath: arguments[2]).standardizedFileURL
// Every Markdown file whose name starts with two digits is an episode; the parser names the rule
// when the rest of the name breaks it.
let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
  $0.hasSuffix(".md") && $0.count > 5 && $0.prefix(2).allSatisfy(\.isNumber)
}
var scripts: [EpisodeScript] = []
var failed = false
for name in names.sorted() {
  let fullPath = folder.appendingPathComponent(name).path
  let displayPath = fullPath.relativePath(to: packageRoot)
  do {
    let text = try String(contentsOfFile: fullPath, encoding: .utf8)
    scripts.append(try EpisodeParser.parse(text, path: displayPath).script)
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
let swift = EpisodeCodeGenerator.generateFile(scripts)
// Rewriting an unchanged file would make the build compile it again.
if (try? String(contentsOf: outputFile, encoding: .utf8)) != swift {
  try swift.write(to: outputFile, atomically: true, encoding: .utf8)
}
