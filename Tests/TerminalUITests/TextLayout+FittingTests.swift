import Testing

@testable import TerminalUI

@Suite struct TextLayoutFittingTests {
  @Test func aLineThatFitsComesBackUnchanged() {
    #expect(
      TextLayout.fitted("Found 1000 files belonging to 10 classes.", width: 41) == [
        "Found 1000 files belonging to 10 classes."
      ])
  }

  @Test func aLongLineBreaksAtSpacesAndKeepsItsIndentPlusTwo() {
    let lines = TextLayout.fitted("  Found 1000 files belonging to 10 classes.", width: 30)
    #expect(lines == ["  Found 1000 files belonging", "    to 10 classes."])
  }

  @Test func spacingInsideEachPieceIsKept() {
    let lines = TextLayout.fitted("epoch 1:   52 ms    epoch 2:   48 ms    epoch 3:   47 ms", width: 24)
    #expect(lines == ["epoch 1:   52 ms", "  epoch 2:   48 ms", "  epoch 3:   47 ms"])
  }

  @Test func aWordLongerThanALineIsCut() {
    let lines = TextLayout.fitted("Datasets/photos/a-very-long-file-name.png is missing", width: 20)
    #expect(lines.allSatisfy { $0.count <= 20 })
    #expect(lines.joined().filter { $0 != " " } == "Datasets/photos/a-very-long-file-name.pngismissing")
  }

  @Test func wideCharactersCountTwoColumnsAndAreNeverSplit() {
    let lines = TextLayout.fitted("猫猫 猫猫猫猫", width: 5)
    // Too narrow to indent continuations (two columns would be more than half the width).
    #expect(lines == ["猫猫", "猫猫", "猫猫"])
    #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= 5 })
  }

  @Test func linesWithEscapeCodesAreLeftToTheirView() {
    let styled = "\u{1B}[1m" + String(repeating: "x ", count: 30) + "\u{1B}[0m"
    #expect(TextLayout.fitted(styled, width: 20) == [styled])
  }

  @Test func writeLineBreaksEachLineOfAMessageToTheOutputsWidth() {
    final class Box: @unchecked Sendable { var text = "" }
    let box = Box()
    let output = TerminalOutput(isTerminal: false, columns: 20) { box.text += $0 }
    output.writeLine("Classes: airplane, bird, cat, dog, truck\nshort")
    #expect(box.text == "Classes: airplane,\n  bird, cat, dog,\n  truck\nshort\n")
  }
}
