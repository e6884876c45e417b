import ImageCodecs

/// An image drawn in the terminal, scaled to fit a width.
///
/// With colour, each character cell shows two pixels, one above the other: the upper half block
/// `▀` in the top pixel's colour on a background of the bottom pixel's. Without colour, each cell
/// is a character from a ramp of increasing ink (` .:-=+*#%@`) for the brightness of a 1×2 patch.
///
///     let view = ImageView(width: 32, height: 32, channels: 3, pixels: bytes, maximumWidth: 64)
///     for line in view.lines(for: .standardOutput) { print(line) }
public struct ImageView: Sendable {
  /// The characters for brightness, from none to full ink.
  static let ramp = Array(" .:-=+*#%@")

  let width: Int
  let height: Int
  let channels: Int
  let pixels: [UInt8]
  let maximumWidth: Int

  /// Creates a view of 8-bit pixels, row by row, channels interleaved (1 gray, 2 gray+alpha,
  /// 3 RGB, 4 RGBA; alpha is ignored), at most `maximumWidth` columns wide (the image is scaled
  /// up to fill it when smaller, and down when larger, keeping its proportions).
  public init(width: Int, height: Int, channels: Int, pixels: [UInt8], maximumWidth: Int) {
    precondition(pixels.count == width * height * channels, "ImageView: pixel count does not match the size")
    self.width = width
    self.height = height
    self.channels = channels
    self.pixels = pixels
    self.maximumWidth = maximumWidth
  }

  /// Creates a view of a decoded image, at most `maximumWidth` columns wide.
  public init(_ image: Image, maximumWidth: Int) {
    self.init(
      width: image.width, height: image.height, channels: image.channels, pixels: image.pixels,
      maximumWidth: maximumWidth)
  }

  /// The lines to print, without trailing newlines: at most `maximumWidth` and the terminal's
  /// width across, and, where the terminal's height is known, short enough to leave room for a
  /// prompt under the picture.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    var columns = Swift.max(1, Swift.min(maximumWidth, capabilities.width))
    if let height = capabilities.height {
      let rows = Swift.max(1, height - ImageGrid.rowsLeftFree)
      while columns > 1 && rowCount(columns: columns) > rows { columns -= 1 }
    }
    return lines(columns: columns, capabilities: capabilities)
  }

  /// The number of lines the image takes when drawn `columns` cells wide.
  func rowCount(columns: Int) -> Int {
    guard width > 0, height > 0 else { return 0 }
    // One cell is one pixel wide and two pixels tall; a cell is about twice as tall as wide.
    let scaledHeight = (height * columns + width - 1) / width
    return Swift.max(1, (scaledHeight + 1) / 2)
  }

  /// The lines of the image drawn exactly `columns` cells wide (for views that lay out several
  /// images), ignoring `maximumWidth` and the capabilities' width.
  func lines(columns: Int, capabilities: TerminalCapabilities) -> [String] {
    guard width > 0, height > 0, columns > 0 else { return [] }
    let rows = rowCount(columns: columns)
    return (0..<rows).map { row in
      var line = ""
      for column in 0..<columns {
        let top = sample(column: column, of: columns, subRow: 2 * row, of: 2 * rows)
        let bottom = sample(column: column, of: columns, subRow: 2 * row + 1, of: 2 * rows)
        if capabilities.colors == .none {
          let brightness =
            (RGBColor(red: top.0, green: top.1, blue: top.2).luminance
              + RGBColor(red: bottom.0, green: bottom.1, blue: bottom.2).luminance) / 2
          line.append(ImageView.ramp[Swift.min(ImageView.ramp.count - 1, brightness * ImageView.ramp.count / 256)])
        } else {
          line +=
            ANSI.foreground(top.0, top.1, top.2, capabilities.colors)
            + ANSI.background(bottom.0, bottom.1, bottom.2, capabilities.colors) + "▀"
        }
      }
      return capabilities.colors == .none ? line : line + ANSI.reset
    }
  }

  /// The colour of the source pixel under a cell position (nearest neighbour).
  private func sample(column: Int, of columns: Int, subRow: Int, of subRows: Int) -> (UInt8, UInt8, UInt8) {
    let x = Swift.min(width - 1, column * width / columns)
    let y = Swift.min(height - 1, subRow * height / subRows)
    let start = (y * width + x) * channels
    if channels < 3 { return (pixels[start], pixels[start], pixels[start]) }
    return (pixels[start], pixels[start + 1], pixels[start + 2])
  }
}
