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
  /// images), ignoring `maximumWidth` and the capabilities' width. In 16 and 256 colours the
  /// half-block pixels are dithered (`ErrorDiffusion`) at the size they are drawn.
  func lines(columns: Int, capabilities: TerminalCapabilities) -> [String] {
    guard width > 0, height > 0, columns > 0 else { return [] }
    let rows = rowCount(columns: columns)
    let grid = subPixels(columns: columns, rows: rows)
    switch capabilities.colors {
    case .none:
      return (0..<rows).map { row in
        String(
          (0..<columns).map { column in
            let brightness =
              (grid[2 * row * columns + column].luminance + grid[(2 * row + 1) * columns + column].luminance) / 2
            return ImageView.ramp[Swift.min(ImageView.ramp.count - 1, brightness * ImageView.ramp.count / 256)]
          })
      }
    case .trueColor:
      return (0..<rows).map { row in
        (0..<columns).map { column in
          let (top, bottom) = (grid[2 * row * columns + column], grid[(2 * row + 1) * columns + column])
          return ANSI.foreground(top.red, top.green, top.blue, .trueColor)
            + ANSI.background(bottom.red, bottom.green, bottom.blue, .trueColor) + "▀"
        }.joined() + ANSI.reset
      }
    case .palette16, .palette256:
      let indices = ErrorDiffusion.paletteIndices(
        of: grid, width: columns, height: 2 * rows, palette: .of(capabilities.colors))
      return (0..<rows).map { row in
        (0..<columns).map { column in
          ANSI.foreground(paletteIndex: indices[2 * row * columns + column], capabilities.colors)
            + ANSI.background(paletteIndex: indices[(2 * row + 1) * columns + column], capabilities.colors) + "▀"
        }.joined() + ANSI.reset
      }
    }
  }

  /// The half-block pixels of the image drawn `columns` cells wide and `rows` lines tall: `columns`
  /// × `2 · rows` colours, row by row, each the mean of the source pixels it covers, so that a
  /// photo drawn small keeps its smooth areas smooth (the nearest pixel alone makes noise of fur
  /// and grass); drawn larger than the source, each is the pixel under it.
  func subPixels(columns: Int, rows: Int) -> [RGBColor] {
    let subRows = 2 * rows
    func span(_ index: Int, of count: Int, over length: Int) -> Range<Int> {
      let start = Swift.min(length - 1, index * length / count)
      return start..<Swift.max(start + 1, Swift.min(length, (index + 1) * length / count))
    }
    return (0..<subRows).flatMap { subRow in
      let ys = span(subRow, of: subRows, over: height)
      return (0..<columns).map { column in
        let xs = span(column, of: columns, over: width)
        var sums = (0, 0, 0)
        for y in ys {
          for x in xs {
            let start = (y * width + x) * channels
            if channels < 3 {
              let gray = Int(pixels[start])
              sums = (sums.0 + gray, sums.1 + gray, sums.2 + gray)
            } else {
              sums = (sums.0 + Int(pixels[start]), sums.1 + Int(pixels[start + 1]), sums.2 + Int(pixels[start + 2]))
            }
          }
        }
        let count = ys.count * xs.count
        func mean(_ sum: Int) -> UInt8 { UInt8((sum + count / 2) / count) }
        return RGBColor(red: mean(sums.0), green: mean(sums.1), blue: mean(sums.2))
      }
    }
  }
}
