import ImageCodecs

/// A zoomed patch of an image as a table of its numbers: the picture for "an image is a grid of
/// numbers".
///
/// Each cell is one pixel. A gray pixel shows one number; a colour pixel shows three, stacked in
/// rows marked R, G and B (and A for alpha). Row numbers run down the left and column numbers
/// along the top, counted from 0 as array indices are, and a caption says which region of which
/// image the table shows. With colour, each cell is tinted with its pixel's colour, its digits
/// dark on light pixels and light on dark ones. Without colour, the aligned table alone carries
/// everything, so it also reads well in a log or through a screen reader. When the terminal is too
/// narrow for every column, the table keeps the columns that fit and the caption says so.
///
///     let digit = try Image(contentsOf: "Datasets/digits/train/7/00000.png")
///     let centre = PixelGrid(digit, aroundRow: 14, column: 14)   // rows and columns 10–17
///     for line in centre.lines(for: .standardOutput) { print(line) }
public struct PixelGrid: Sendable {
  /// How each sample is written.
  public enum Values: Sendable {
    /// As stored, whole numbers from 0 to 255.
    case raw
    /// Divided by 255, from 0.00 to 1.00, as after Keras's `Rescaling(1./255)`.
    case rescaled
  }

  let image: Image
  let rows: Range<Int>
  let columns: Range<Int>
  let values: Values

  /// Creates a table of the pixels in `rows` and `columns` (counted from 0; the parts outside the
  /// image are left out), by default the 8×8 top-left corner.
  public init(_ image: Image, rows: Range<Int> = 0..<8, columns: Range<Int> = 0..<8, values: Values = .raw) {
    self.image = image
    self.rows = rows.clamped(to: 0..<image.height)
    self.columns = columns.clamped(to: 0..<image.width)
    self.values = values
  }

  /// Creates a table of the `size`×`size` pixels around the pixel at `row` and `column` (moved
  /// inwards to stay inside the image when it is near an edge).
  public init(_ image: Image, aroundRow row: Int, column: Int, size: Int = 8, values: Values = .raw) {
    func window(around centre: Int, within length: Int) -> Range<Int> {
      let start = Swift.max(0, Swift.min(centre - size / 2, length - size))
      return start..<(start + Swift.max(0, size))
    }
    self.init(
      image, rows: window(around: row, within: image.height), columns: window(around: column, within: image.width),
      values: values)
  }

  // MARK: - Public API

  /// The lines to print, without trailing newlines: the caption, a blank line, the column numbers,
  /// then one line per pixel row (one per channel, and a blank line after each pixel row, for
  /// colour images).
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    let width = Swift.max(1, capabilities.width)
    let shown = Swift.min(columns.count, Swift.max(0, (width - labelWidth) / (cellWidth + 1)))
    guard shown > 0 || columns.isEmpty else {
      return TextLayout.wrapped(caption(shownColumns: columns), width: width) + listLines(width: width)
    }
    let visible = columns.lowerBound..<(columns.lowerBound + shown)
    var lines = TextLayout.wrapped(caption(shownColumns: visible), width: width)
    // The blank lines under the caption and between the pixel rows of a colour image go when they
    // would push the table past the terminal's height: the row numbers still mark each pixel row.
    let tableLines = 1 + rows.count * image.channels + (rows.count - 1)
    let separatesRows =
      capabilities.height.map { lines.count + 1 + tableLines <= $0 - ImageGrid.rowsLeftFree } ?? true
    if separatesRows { lines.append("") }
    let header = visible.map { TextLayout.padded(String($0), to: cellWidth + 1, rightAligned: true) }.joined()
    lines.append(String(repeating: " ", count: labelWidth) + ANSI.styled(header, Palette.axis, capabilities))
    let names = channelNames
    for row in rows {
      for channel in 0..<image.channels {
        let rowNumber = channel == 0 ? String(row) : ""
        var label = TextLayout.padded(rowNumber, to: rowNumberWidth, rightAligned: true)
        if names.count > 1 {
          label += " " + names[channel] + String(repeating: " ", count: channelNameWidth - names[channel].count)
        }
        var line = ANSI.styled(label, Palette.axis, capabilities)
        for column in visible {
          let text = TextLayout.padded(
            formatted(sample(row: row, column: column, channel: channel)), to: cellWidth + 1, rightAligned: true)
          line += tinted(text, colour(row: row, column: column), capabilities)
        }
        lines.append(line)
      }
      if separatesRows && names.count > 1 && row != rows.upperBound - 1 { lines.append("") }
    }
    return lines.map(TextLayout.trimmed)
  }

  // MARK: - Text

  /// The caption: which rows and columns of which image, and what the numbers mean.
  func caption(shownColumns: Range<Int>) -> String {
    let kind = image.channels >= 3 ? "colour" : "gray"
    var text = "\(Self.span("Row", rows)) and \(Self.span("column", shownColumns).lowercased()) (counted from 0)"
    text += " of a \(image.width)×\(image.height) \(kind) image: \(shownColumns.count)×\(rows.count) pixels."
    let (low, high) = values == .raw ? ("0", "255") : ("0.00", "1.00")
    switch image.channels {
    case 1: text += " Each number is a pixel's brightness, from \(low) (black) to \(high) (white)."
    case 2: text += " Each pixel is two numbers, its brightness (gray) and its opacity (alpha), from \(low) to \(high)."
    case 3:
      text += " Each pixel is three numbers, its red (R), green (G) and blue (B), from \(low) (none) to \(high) (full)."
    default:
      text += " Each pixel is four numbers, its red (R), green (G), blue (B) and opacity (A),"
      text += " from \(low) (none) to \(high) (full)."
    }
    if shownColumns.count < columns.count {
      text += " Columns \(shownColumns.upperBound)–\(columns.upperBound - 1) do not fit in the terminal's width."
    }
    return text
  }

  /// "Rows 10–17", "Row 10" or "No rows".
  private static func span(_ noun: String, _ range: Range<Int>) -> String {
    switch range.count {
    case 0: "No \(noun.lowercased())s"
    case 1: "\(noun) \(range.lowerBound)"
    default: "\(noun)s \(range.lowerBound)–\(range.upperBound - 1)"
    }
  }

  /// One line per pixel, for a terminal too narrow for even one column of the table.
  private func listLines(width: Int) -> [String] {
    let names = channelNames
    return rows.flatMap { row in
      columns.map { column in
        let samples = (0..<image.channels).map { channel in
          (names.count > 1 ? names[channel] + " " : "") + formatted(sample(row: row, column: column, channel: channel))
        }
        return TextLayout.truncated("(\(row), \(column)): " + samples.joined(separator: " "), to: width)
      }
    }
  }

  /// The names of the channels, one letter each for colour images.
  var channelNames: [String] {
    switch image.channels {
    case 1: [""]
    case 2: ["gray", "alpha"]
    case 3: ["R", "G", "B"]
    default: ["R", "G", "B", "A"]
    }
  }

  private var channelNameWidth: Int { channelNames.map(\.count).max() ?? 0 }

  private var rowNumberWidth: Int { String(Swift.max(0, rows.upperBound - 1)).count }

  /// The width of the labels left of the numbers: row number, then channel name.
  private var labelWidth: Int { rowNumberWidth + (channelNames.count > 1 ? 1 + channelNameWidth : 0) }

  /// The width of a cell's text, without the space before it: the longest value or column number.
  var cellWidth: Int {
    Swift.max(values == .raw ? 3 : 4, String(Swift.max(0, columns.upperBound - 1)).count)
  }

  /// A sample as written in the table.
  func formatted(_ sample: UInt8) -> String {
    guard values == .rescaled else { return String(sample) }
    let hundredths = (Int(sample) * 100 + 127) / 255
    let fraction = String(hundredths % 100)
    return "\(hundredths / 100).\(fraction.count == 1 ? "0" + fraction : fraction)"
  }

  // MARK: - Pixels

  func sample(row: Int, column: Int, channel: Int) -> UInt8 {
    image.pixels[(row * image.width + column) * image.channels + channel]
  }

  /// The pixel's colour, alpha left out.
  func colour(row: Int, column: Int) -> RGBColor {
    let start = (row * image.width + column) * image.channels
    if image.channels < 3 { return RGBColor(gray: image.pixels[start]) }
    return RGBColor(red: image.pixels[start], green: image.pixels[start + 1], blue: image.pixels[start + 2])
  }

  /// The text on a background of `colour`, in black or white, whichever reads better.
  private func tinted(_ text: String, _ colour: RGBColor, _ capabilities: TerminalCapabilities) -> String {
    guard capabilities.colors != .none else { return text }
    let ink: RGBColor = colour.luminance > 127 ? .black : .white
    return ANSI.background(colour.red, colour.green, colour.blue, capabilities.colors)
      + ANSI.foreground(ink.red, ink.green, ink.blue, capabilities.colors) + text + ANSI.reset
  }
}
