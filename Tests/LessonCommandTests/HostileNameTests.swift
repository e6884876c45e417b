import CNN
import CNNTestSupport
import Foundation
import TerminalUI
import Testing

@testable import lesson

/// Files and class folders whose names hold escape sequences (clear the screen, set the window's
/// title, ring the bell) are printed with those bytes escaped, in colour and in plain text.
@Suite(.isolatedSession) struct HostileNameTests {
  static let clearScreen = "\u{1B}[2J"
  static let setTitle = "\u{1B}]0;pwned\u{07}"
  let folder: ImageFolder

  /// Two class folders of 16×16 images, both named with escape sequences, and a file that is no
  /// image, named likewise.
  init() throws {
    folder = try ImageFolder()
    for index in 0..<6 {
      try folder.addImage("a\(Self.clearScreen)/\(index)\(Self.setTitle).ppm", value: 40, width: 16, height: 16)
      try folder.addImage("b\(Self.setTitle)/\(index).ppm", value: 220, width: 16, height: 16)
    }
    try folder.addFile("a\(Self.clearScreen)/bad\(Self.setTitle).png", bytes: Array("not an image".utf8))
  }

  /// Everything the model commands print about the folder, drawn for `colors`.
  func printed(colors: TerminalCapabilities.ColorSupport) throws -> String {
    let captured = CapturedOutput()
    let output = captured.output(capabilities: TerminalCapabilities(isTerminal: false, colors: colors, width: 80))
    let model = folder.path("model.keras")
    try TerminalOutput.$current.withValue(output) {
      try Train(options: TrainOptions(folder: folder.path, epochs: 1, savePath: model)).run()
      _ = try ModelCommand.evaluate(model: model, folder: folder.path).run(output: output)
      let images =
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.contains("bad") }
        .map(folder.path) + [folder.path("b\(Self.setTitle)/0.ppm")]
      _ = try ModelCommand.predict(model: model, images: images, classNames: folder.path).run(output: output)
      for line in try ImageCommand.show(path: folder.path("b\(Self.setTitle)/1.ppm")).run(
        capabilities: output.capabilities)
      {
        output.writeLine(line)
      }
    }
    return captured.text
  }

  @Test(arguments: [TerminalCapabilities.ColorSupport.none, .palette256, .trueColor])
  func namesReachTheOutputEscaped(colors: TerminalCapabilities.ColorSupport) throws {
    let text = try printed(colors: colors)
    #expect(!text.contains(Self.clearScreen))
    #expect(!text.contains("\u{1B}]"), "no OSC sequence")
    #expect(!text.contains("\u{07}"), "no bell")
    #expect(text.contains("a\\e[2J"), "the class name is shown escaped")
    #expect(text.contains("b\\e]0;pwned\\x07"))
    #expect(text.contains("bad\\e]0;pwned\\x07.png"), "the skipped file is named, escaped")
    if colors == .none { #expect(!text.contains("\u{1B}"), "plain output holds no escape at all") }
  }

  @Test func errorsPrintedOnStandardErrorAreEscaped() throws {
    let missing = folder.path("gone\(Self.clearScreen)")
    let error = #expect(throws: ImageDatasetError.self) { try imageDatasetFromDirectory(missing, verbose: false) }
    let line = LessonCommand.errorLine(try #require(error).description)
    #expect(line.hasPrefix("lesson: ") && line.contains("gone\\e[2J"))
    #expect(!line.dropLast().contains { $0.isNewline || $0 == "\u{1B}" })
    #expect(LessonCommand.errorLine("two\nlines").contains("two\nlines"), "our own line breaks stay")
  }
}
