import Testing

@testable import TerminalUI

@Suite struct SwiftLineWrapperTests {
  /// A line of the lesson whose last arguments the old cut hid (`imageSize: [28, 28], shuffl…`).
  static let lessonLine =
    #"let (training, validation) = try imageDatasetFromDirectory("Datasets/cifar5/train", validationSplit: 0.2, subset: .both, seed: 42, imageSize: [28, 28], shuffle: true)"#

  static let ascii = TerminalCapabilities(isTerminal: false, colors: .none, width: 40, usesUnicode: false)

  /// The code on screen: each line without its indentation and continuation mark.
  static func code(_ lines: [String], mark: String = "↪") -> [String] {
    lines.map(VisibleText.stripped).map { line in
      let text = line.drop { $0 == " " }
      return text.hasPrefix(mark + " ") ? String(text.dropFirst(2)) : String(text)
    }
  }

  /// The words and numbers of `text`, in order: a word cut in two would show as two.
  static func words(_ text: String) -> [Substring] {
    text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
  }

  @Test(arguments: [40, 60]) func aLessonLineWrapsWithinTheWidthLeftByTheScreensIndent(width: Int) {
    for capabilities in VisibleText.everyMode(width: width) {
      let lines = highlightedSwift(Self.lessonLine, for: capabilities, indentedBy: 2)
      #expect(lines.count > 1)
      #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= width }, "\(lines)")
      #expect(lines.allSatisfy { $0.hasPrefix("  ") })
      #expect(lines.dropFirst().map(VisibleText.stripped).allSatisfy { $0.drop { $0 == " " }.hasPrefix("↪ ") })
    }
  }

  @Test(arguments: [40, 60]) func everyTokenOfALessonLineStaysVisibleAndInOrder(width: Int) {
    let code = Self.code(highlightedSwift(Self.lessonLine, for: .plain(width: width), indentedBy: 2))
    #expect(code.joined().filter { $0 != " " } == Self.lessonLine.filter { $0 != " " })
    #expect(code.flatMap { Self.words($0) } == Self.words(Self.lessonLine))
    #expect(code.joined(separator: " ").contains("imageSize: [28, 28], shuffle: true)"))
  }

  @Test func anArgumentLabelStaysWithItsValue() {
    let code = Self.code(highlightedSwift(Self.lessonLine, for: .plain(width: 40), indentedBy: 2))
    #expect(!code.contains { $0.hasSuffix(":") }, "\(code)")
  }

  @Test func asciiTerminalsGetAnASCIIMark() {
    let lines = highlightedSwift(Self.lessonLine, for: Self.ascii, indentedBy: 2)
    #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) && $0.count <= 40 })
    #expect(lines.dropFirst().allSatisfy { $0.drop { $0 == " " }.hasPrefix("> ") })
  }

  @Test func coloursCarryOnAcrossABreak() {
    let line = #"let path = "Datasets/cifar5/train/cat/0001.png""#
    let lines = highlightedSwift(line, for: ChartTestSupport.colour(width: 24))
    let stringColour = ChartTestSupport.foregroundCode(MarkdownStyle.string)
    #expect(lines.count == 3)
    #expect(lines.dropFirst().allSatisfy { $0.contains(stringColour) })
    #expect(lines.map(VisibleText.stripped) == highlightedSwift(line, for: .plain(width: 24)))
  }

  @Test func aTokenLongerThanTheLineIsCutAndContinued() {
    let name = String(repeating: "convolution", count: 5)
    let lines = highlightedSwift("let \(name) = 1", for: .plain(width: 20))
    #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= 20 }, "\(lines)")
    #expect(Self.code(lines).joined().filter { $0 != " " } == "let\(name)=1")
  }

  @Test func continuationsAreIndentedUnderTheLine() {
    let lines = highlightedSwift("    model.add(Dense(units: 10, activation: .softmax))", for: .plain(width: 40))
    #expect(lines.count == 2)
    #expect(lines[1].hasPrefix("      ↪ "), "\(lines)")
  }

  @Test func wideCharactersCountTwoColumns() {
    let lines = highlightedSwift(#"print("猫猫猫猫猫猫猫猫猫猫猫猫", "犬")"#, for: .plain(width: 16))
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= 16 }, "\(lines)")
  }

  @Test(arguments: [1, 2, 3, 5, 9]) func tinyWidthsStillFit(width: Int) {
    let lines = highlightedSwift("    " + Self.lessonLine, for: .plain(width: width))
    #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= width }, "\(lines)")
    #expect(Self.words(Self.code(lines).joined()).joined() == Self.words(Self.lessonLine).joined())
  }

  @Test func aTrailingCommentGoesBelowWhole() {
    let lines = highlightedSwift(
      "let conv = Conv2D(filters: 16, kernelSize: 3) // the first layer", for: .plain(width: 50))
    #expect(lines == ["let conv = Conv2D(filters: 16, kernelSize: 3)", "  ↪ // the first layer"])
  }

}
