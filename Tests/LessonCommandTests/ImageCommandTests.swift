import Foundation
import ImageCodecs
import TerminalUI
import Testing

@testable import lesson

@Suite struct ImageCommandTests {
  /// The repository's Datasets folder, found from this file's place in Tests/LessonCommandTests.
  static let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Datasets").path

  let chelsea = ImageCommandTests.datasets + "/photos/chelsea.png"

  @Test func imageCommandsAreParsed() throws {
    #expect(try LessonCommand.parse(["image", "info", "a.png"]) == .image(.info(path: "a.png")))
    #expect(
      try LessonCommand.parse(["image", "convert", "a.png", "b.ppm"])
        == .image(.convert(input: "a.png", output: "b.ppm")))
    let error = #expect(throws: UsageError.self) { try LessonCommand.parse(["image", "shwo", "a.png"]) }
    #expect(error?.description == "'image shwo' is not a lesson command. Did you mean 'image show'?")
    #expect(throws: UsageError.self) { try LessonCommand.parse(["image", "convert", "a.png"]) }
  }

  @Test func infoDescribesTheFile() throws {
    let lines = try ImageCommand.info(path: chelsea).run(capabilities: .plain())
    #expect(lines == ["\(chelsea): PNG image, 451×300 pixels, 3 channels, 8-bit (RGB)"])
  }

  @Test func showDrawsPlainTextWithoutEscapesWhenColourIsOff() throws {
    let lines = try ImageCommand.show(path: chelsea).run(capabilities: .plain(width: 60))
    #expect(lines.count > 10)
    #expect(lines.dropFirst().allSatisfy { $0.count == 60 && !$0.contains("\u{1B}") })
    let coloured = try ImageCommand.show(path: chelsea).run(
      capabilities: TerminalCapabilities(isTerminal: true, colors: .trueColor, width: 60))
    #expect(coloured[1].contains("\u{1B}[38;2;"))
  }

  @Test func aBitmapIsDescribedAndShown() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("bitmap-\(UUID().uuidString).pbm").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    // 3×2, PBM's 1 is black: a black top row and a white bottom row.
    try Data("P1\n3 2\n111\n000\n".utf8).write(to: URL(fileURLWithPath: path))
    let info = try ImageCommand.info(path: path).run(capabilities: .plain())
    #expect(info == ["\(path): PBM image, 3×2 pixels, 1 channel, 1-bit (plain (ASCII) P1)"])
    let shown = try ImageCommand.show(path: path).run(capabilities: .plain(width: 60))
    #expect(shown.first == "\(path): 3×2, 1 channel")
    #expect(shown.count > 1)
  }

  @Test func convertWritesAnImageThatReadsBack() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("chelsea-\(UUID().uuidString).pgm").path
    defer { try? FileManager.default.removeItem(atPath: output) }
    _ = try ImageCommand.convert(input: chelsea, output: output).run(capabilities: .plain())
    let gray = try Image(contentsOf: output)
    #expect(gray.channels == 1 && gray.width == 451 && gray.height == 300)
  }

  @Test func convertToJPEGReportsTheThreeChannelsItWritesForAnRGBAImage() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convert-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let rgba = Image(width: 5, height: 4, channels: 4, pixels: Array(repeating: 90, count: 80))
    try rgba.write(to: folder + "/in.png")
    let lines = try ImageCommand.convert(input: folder + "/in.png", output: folder + "/out.jpg").run(
      capabilities: .plain())
    #expect(lines == ["Wrote \(folder)/out.jpg (5×4, 3 channels)."])
    let back = try Image(contentsOf: folder + "/out.jpg")
    #expect(back.channels == 3 && back.width == 5 && back.height == 4)
  }

  @Test func anUndecodableInputFailsWithItsNameAndAStatusOfOne() throws {
    let text = FileManager.default.temporaryDirectory.appendingPathComponent("notes-\(UUID().uuidString).png").path
    try Data("hello".utf8).write(to: URL(fileURLWithPath: text))
    defer { try? FileManager.default.removeItem(atPath: text) }
    let error = #expect(throws: ImageDecodingError.self) {
      try ImageCommand.convert(input: text, output: text + ".ppm").run(capabilities: .plain())
    }
    #expect(error?.description.hasPrefix("\(text): not an image file") == true)
    #expect(LessonCommand.run(arguments: ["image", "convert", text, text + ".ppm"]) == LessonCommand.Status.failure)
  }
}
