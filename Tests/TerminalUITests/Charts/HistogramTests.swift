import Testing

@testable import TerminalUI

@Suite struct HistogramTests {
  /// 0...255, the values below 64 three times each: 384 values, 96 in each of the two lowest of
  /// eight bins and 32 in each of the others.
  static let pixels = (0..<256).flatMap { value in Array(repeating: Double(value), count: value < 64 ? 3 : 1) }
  let before = Histogram(pixels, bins: 8, range: 0...256, title: "before rescaling")
  let after = Histogram(pixels.map { $0 / 256 }, bins: 8, range: 0...1, title: "after rescaling")

  @Test func binsAreHalfOpenExceptTheLast() {
    let histogram = Histogram([0, 0.5, 1, 1.5, 2], bins: 2, range: 0...2)
    #expect(histogram.counts == [2, 3])
    #expect(histogram.edges == [0, 1, 2])
  }

  @Test func valuesOutsideTheRangeAndNaNAreLeftOutAndCounted() {
    let histogram = Histogram([-1, 0, 1, 3, .nan], bins: 2, range: 0...2)
    #expect(histogram.counts == [1, 1])
    #expect(histogram.omittedValues == 3)
    #expect(histogram.description.hasSuffix("3 left out (outside the range or not a number)"))
  }

  @Test func theRangeDefaultsToTheValuesOwn() {
    let histogram = Histogram([2, 4, 6, 8], bins: 3)
    #expect(histogram.edges.first == 2 && histogram.edges.last == 8)
    #expect(histogram.counts == [1, 1, 2])
    #expect(Histogram([5, 5], bins: 2).counts.reduce(0, +) == 2)
  }

  @Test func beforeAndAfterRescalingSideBySideAt80Columns() {
    let expected = """
      before rescaling                         after rescaling
      384 values from 0 to 256                 384 values from 0 to 1
        value   │                                  value     │
        0 –  32 │████████████████████████ 96   0.000 – 0.125 │████████████████████ 96
       32 –  64 │████████████████████████ 96   0.125 – 0.250 │████████████████████ 96
       64 –  96 │████████ 32                   0.250 – 0.375 │██████▋ 32
       96 – 128 │████████ 32                   0.375 – 0.500 │██████▋ 32
      128 – 160 │████████ 32                   0.500 – 0.625 │██████▋ 32
      160 – 192 │████████ 32                   0.625 – 0.750 │██████▋ 32
      192 – 224 │████████ 32                   0.750 – 0.875 │██████▋ 32
      224 – 256 │████████ 32                   0.875 – 1.000 │██████▋ 32
                └────────────────────────                    └────────────────────
                 0        count        96                     0      count      96
      """
    #expect(Histogram.sideBySide(before, after, for: .plain(width: 80)).joined(separator: "\n") == expected)
  }

  @Test func narrowTerminalsStackTheHistograms() {
    let lines = Histogram.sideBySide(before, after, for: .plain(width: 40))
    let blank = lines.firstIndex(of: "")
    #expect(blank != nil)
    #expect(lines.first == "before rescaling")
    #expect(blank.map { lines[$0 + 1] } == "after rescaling")
  }

  @Test func aTooNarrowTerminalListsTheCounts() {
    #expect(before.lines(for: .plain(width: 16)).contains("  0 –  32: 96"))
  }

  @Test(arguments: ChartTestSupport.widths) func noLineIsWiderThanTheTerminal(width: Int) {
    for capabilities in [TerminalCapabilities.plain(width: width), ChartTestSupport.colour(width: width)] {
      ChartTestSupport.expectFits(Histogram.sideBySide(before, after, for: capabilities), width: width)
      ChartTestSupport.expectFits(before.lines(for: capabilities), width: width)
    }
  }

  @Test func colourAndPlainShowTheSameTextAtEveryWidth() {
    ChartTestSupport.expectSameTextInBothModes(at: ChartTestSupport.widths + ChartTestSupport.tinyWidths) {
      Histogram.sideBySide(before, after, for: $0)
    }
  }

  @Test func plainModeHasNoEscapesAndColourModeUsesTheTrainingColour() {
    ChartTestSupport.expectPlain(before.lines(for: .plain(width: 80)))
    let colour = before.lines(for: ChartTestSupport.colour()).joined()
    #expect(colour.contains(ChartTestSupport.foregroundCode(Palette.training)))
  }

  @Test func svgParsesAsXMLAloneAndSideBySide() {
    #expect(ChartTestSupport.parses(before.svg()))
    #expect(ChartTestSupport.parses(Histogram.svg([before, after], title: "Pixel values")))
  }
}
