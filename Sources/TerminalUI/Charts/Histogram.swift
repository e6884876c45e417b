/// A histogram of values, one row per bin: how the values spread over their range, such as pixel
/// values 0–255 before rescaling and 0–1 after.
///
/// Each row gives the bin's range, a bar in eighths of a cell and the count; the bars rest on a
/// count axis labelled from 0 to the largest count. Bins have equal widths over `range` (by
/// default the smallest to the largest value); each holds values from its lower edge up to, but
/// not including, its upper edge, except the last, which includes its upper edge (as NumPy's
/// `histogram` does). Values outside the range, and NaN, are left out and counted in the line
/// under the title.
///
///     let before = Histogram(pixels.map(Double.init), bins: 8, range: 0...255, title: "before rescaling")
///     let after = Histogram(pixels.map { Double($0) / 255 }, bins: 8, range: 0...1, title: "after rescaling")
///     for line in Histogram.sideBySide(before, after, for: .standardOutput) { print(line) }
public struct Histogram: Sendable {
  /// A line above the histogram, or nil for none.
  public let title: String?
  /// The number of values in each bin, from the lowest bin up.
  public let counts: [Int]
  /// The bins' edges, one more than there are bins.
  public let edges: [Double]
  /// Values counted: finite and inside the range.
  public let countedValues: Int
  /// Values left out: NaN, infinite or outside the range.
  public let omittedValues: Int
  /// The longest a bar may be, in columns.
  public let maximumBarWidth: Int

  /// Sorts `values` into `bins` equal bins (at least 1) over `range`, or over the values' own
  /// range when nil.
  public init(
    _ values: [Double], bins: Int = 10, range: ClosedRange<Double>? = nil, title: String? = nil,
    maximumBarWidth: Int = 40
  ) {
    let finite = values.filter(\.isFinite)
    var lower = range?.lowerBound ?? finite.min() ?? 0
    var upper = range?.upperBound ?? finite.max() ?? 1
    if lower == upper { (lower, upper) = (lower - 0.5, upper + 0.5) }
    let binCount = Swift.max(1, bins)
    let binWidth = (upper - lower) / Double(binCount)
    var counts = Array(repeating: 0, count: binCount)
    var counted = 0
    for value in finite where value >= lower && value <= upper {
      counts[Swift.min(binCount - 1, Int((value - lower) / binWidth))] += 1
      counted += 1
    }
    self.title = title
    self.counts = counts
    self.edges = (0...binCount).map { $0 == binCount ? upper : lower + Double($0) * binWidth }
    self.countedValues = counted
    self.omittedValues = values.count - counted
    self.maximumBarWidth = maximumBarWidth
  }

  // MARK: - Terminal

  /// The lines to print, without trailing newlines, none wider than the capabilities' width.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    let width = Swift.max(1, capabilities.width)
    var lines: [String] = []
    if let title { lines.append(ANSI.styled(TextLayout.truncated(title, to: width), nil, bold: true, capabilities)) }
    lines += TextLayout.wrapped(description, width: width)
    let ranges = binLabels()
    let rangeWidth = ranges.map(\.count).max() ?? 1
    let largest = counts.max() ?? 0
    let countWidth = String(largest).count
    let barWidth = Swift.min(maximumBarWidth, width - rangeWidth - 2 - 1 - countWidth)
    guard barWidth >= 8 else {
      return lines + counts.indices.map { TextLayout.truncated("\(ranges[$0]): \(counts[$0])", to: width) }
    }
    let axis = { (text: String) in ANSI.styled(text, Palette.axis, capabilities) }
    lines.append(TextLayout.trimmed(TextLayout.centred("value", in: rangeWidth) + " " + axis("│")))
    for (index, count) in counts.enumerated() {
      let fraction = largest > 0 ? Double(count) / Double(largest) : 0
      let bar = ProbabilityBars.bar(fraction, width: barWidth)
      let styledBar = bar.isEmpty ? "" : ANSI.styled(bar, Palette.training, capabilities) + " "
      lines.append(
        TextLayout.padded(ranges[index], to: rangeWidth, rightAligned: true) + " " + axis("│") + styledBar
          + String(count))
    }
    let margin = String(repeating: " ", count: rangeWidth + 1)
    lines.append(margin + axis("└" + String(repeating: "─", count: barWidth)))
    let scale = TextLayout.padded("0", to: barWidth - countWidth) + String(largest)
    let named = barWidth >= countWidth + 9 ? overlay("count", centredOn: scale) : scale
    lines.append(TextLayout.trimmed(margin + " " + named))
    return lines
  }

  /// Two histograms side by side when both fit in half the width, one above the other otherwise.
  public static func sideBySide(_ left: Histogram, _ right: Histogram, for capabilities: TerminalCapabilities)
    -> [String]
  {
    let gap = 3
    let half = (capabilities.width - gap) / 2
    guard half >= Swift.max(left.minimumWidth, right.minimumWidth) else {
      return left.lines(for: capabilities) + [""] + right.lines(for: capabilities)
    }
    var narrow = capabilities
    narrow.width = half
    return TextLayout.besideEachOther(left.lines(for: narrow), right.lines(for: narrow), leftWidth: half, gap: gap)
  }

  // MARK: - Helpers

  /// How many values were counted, the range, and how many were left out.
  var description: String {
    let noun = countedValues == 1 ? "value" : "values"
    let (lower, upper) = (edges[0], edges[edges.count - 1])
    var text = "\(countedValues) \(noun) from \(Self.shortest(lower)) to \(Self.shortest(upper))"
    if omittedValues > 0 { text += "; \(omittedValues) left out (outside the range or not a number)" }
    return text
  }

  /// The narrowest width at which the bars are drawn at a readable length (10 columns).
  var minimumWidth: Int {
    (binLabels().map(\.count).max() ?? 1) + 2 + 10 + 1 + String(counts.max() ?? 0).count
  }

  /// Each bin's range, such as `25.5 – 51.0`, the edges lined up in columns.
  func binLabels() -> [String] {
    let lowers = edges.dropLast().map(edgeLabel)
    let uppers = edges.dropFirst().map(edgeLabel)
    let lowerWidth = lowers.map(\.count).max() ?? 1
    let upperWidth = uppers.map(\.count).max() ?? 1
    return zip(lowers, uppers).map {
      TextLayout.padded($0, to: lowerWidth, rightAligned: true) + " – "
        + TextLayout.padded($1, to: upperWidth, rightAligned: true)
    }
  }

  /// An edge with the fewest decimals (up to 3) that write every edge exactly, or 3.
  func edgeLabel(_ value: Double) -> String {
    TextLayout.fixed(value, decimals: Self.decimals(toWrite: edges))
  }

  /// `value` with the fewest decimals (up to 3) that write it exactly: `255`, `0.5`.
  static func shortest(_ value: Double) -> String {
    TextLayout.fixed(value, decimals: decimals(toWrite: [value]))
  }

  /// The fewest decimals, up to 3, that write all of `values` exactly.
  private static func decimals(toWrite values: [Double]) -> Int {
    (0...3).first { decimals in
      let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
      return values.allSatisfy { abs(($0 * scale).rounded() - $0 * scale) < 1e-6 }
    } ?? 3
  }

  /// `word` written over the middle of `line`, if it lands on spaces only; otherwise `line`.
  private func overlay(_ word: String, centredOn line: String) -> String {
    var characters = Array(line)
    let start = (characters.count - word.count) / 2
    guard start > 0, characters[(start - 1)...(start + word.count)].allSatisfy({ $0 == " " }) else { return line }
    characters.replaceSubrange(start..<(start + word.count), with: Array(word))
    return String(characters)
  }
}
