import CNN
import CNNTestSupport
import Foundation
import Testing

@testable import LessonEngine
@testable import TerminalUI

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite(.isolatedSession) struct DemoVisualsTests {
  static let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Datasets").path

  /// Runs the demo (2 epochs, to keep it short) and returns what it printed.
  func demo(_ capabilities: TerminalCapabilities, svgFolder: String? = nil) throws -> String {
    let captured = CapturedOutput()
    let output = TerminalOutput(capabilities: capabilities) { captured.output(isTerminal: false).write($0) }
    try TerminalOutput.$current.withValue(output) {
      try DemoVisuals(datasets: Self.datasets, svgFolder: svgFolder, epochs: 2).run()
    }
    return captured.text
  }

  @Test func plainOutputHasEveryVisualAndNoEscapes() throws {
    let text = try demo(.plain(width: 80))
    #expect(!text.contains("\u{1B}") && !text.contains("\r"))
    for heading in (1...9).map({ "\($0). " }) { #expect(text.contains("\n" + heading), "missing section \(heading)") }
    #expect(text.contains("Model: \"cifar_model_intro\""))
    #expect(text.contains("Epoch 2/2"))
  }

  @Test(arguments: [40, 80, 120])
  func everyVisualFitsTheWidth(_ width: Int) throws {
    let text = try demo(.plain(width: width))
    // Keras's progress lines are as long as their metrics make them, as in Keras; the rest must fit.
    let tooWide = text.split(separator: "\n").filter { !$0.contains("ms/step") && !$0.contains("s/step") }
      .filter { $0.count > width }
    #expect(tooWide.isEmpty, "lines wider than \(width): \(tooWide.prefix(3))")
  }

  @Test func colourOutputUsesEscapeCodes() throws {
    let text = try demo(TerminalCapabilities(isTerminal: false, colors: .trueColor, width: 100))
    #expect(text.contains("\u{1B}[38;2;"))
    #expect(text.contains("\u{1B}[48;2;"))
  }

  @Test func everyFigureIsWrittenAsWellFormedSVG() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-svg-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try demo(.plain(width: 80), svgFolder: folder)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".svg") }.sorted()
    #expect(
      files == [
        "batch.svg", "channels.svg", "confusion.svg", "curves.svg", "mistakes.svg", "pixels.svg", "prediction.svg",
        "rescaling.svg",
      ])
    for file in files {
      let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
      #expect(parser.parse(), "\(file) is not well-formed XML")
    }
  }

  @Test func theDatasetsFolderIsFoundFromTheRepository() {
    let repository = URL(fileURLWithPath: Self.datasets).deletingLastPathComponent().path
    #expect(ProjectFolder.datasets(from: repository, executable: "/nowhere/lesson") == Self.datasets)
    #expect(ProjectFolder.datasets(from: "/", executable: "/nowhere/lesson") == nil)
  }
}
