import ImageCodecs
import TextEscaping

/// A grid of images, each with a title: a batch of training pictures with their class names, or
/// a model's predictions marked ✓ (right) and ✗ (wrong).
///
/// Up to `maximumColumns` images sit side by side, all drawn at one common width: as wide as the
/// widest image (one column per pixel), within `cellWidth`, shrinking towards its lower bound so
/// that the grid keeps its columns in a narrow terminal. When even that does not fit, fewer
/// columns are used, as few as give the same number of rows (4 images go 2 by 2, not 3 and 1);
/// below one image of the smallest width, only the titles are listed. Where the terminal's height
/// is known, the grid also keeps within it (leaving room for a prompt under it): it shrinks the
/// images, and may put more of them side by side than `maximumColumns` when that lets them be
/// drawn larger (9 digits in an 80×24 terminal go 5 and 4, 14 columns each). Each
/// image is drawn as `ImageView` draws it (two pixels per cell with colour, a character ramp
/// without), and each title is centred over or under its image and cut with `…` to its width.
///
///     let grid = ImageGrid(images: batch, titles: ["circle", "plus", "star"])
///     for line in grid.lines(for: .standardOutput) { print(line) }
///
///     let checked = ImageGrid([.prediction(photo, label: "cat", predicted: "dog")])
///     // titled "✗ cat → dog", in the palette's `bad` colour when colour is on
public struct ImageGrid: Sendable {
  /// One image of the grid and its title.
  public struct Tile: Sendable {
    /// The image.
    public var image: Image
    /// The text under or over it, such as a class name.
    public var title: String
    /// Whether the title reports a right or a wrong answer; `nil` for a plain title.
    public var outcome: Outcome?

    /// Creates a tile; an `outcome` puts ✓ or ✗ before the title and colours it.
    public init(_ image: Image, title: String, outcome: Outcome? = nil) {
      self.image = image
      self.title = title.escapedForTerminal()
      self.outcome = outcome
    }

    /// A tile for a prediction: titled `✓ cat` when `predicted` equals `label`, otherwise
    /// `✗ cat → dog` (the true label, then what the model said).
    public static func prediction(_ image: Image, label: String, predicted: String) -> Tile {
      label == predicted
        ? Tile(image, title: label, outcome: .correct) : Tile(image, title: "\(label) → \(predicted)", outcome: .wrong)
    }

    /// The title as printed: with its ✓ or ✗ when it has an outcome.
    var displayedTitle: String {
      switch outcome {
      case .correct: "✓ " + title
      case .wrong: "✗ " + title
      case nil: title
      }
    }

    /// The palette colour of the title, if any.
    var titleColour: RGBColor? {
      switch outcome {
      case .correct: Palette.good
      case .wrong: Palette.bad
      case nil: nil
      }
    }
  }

  /// Whether a title reports a right or a wrong answer.
  public enum Outcome: Sendable {
    /// Right: marked ✓, in the palette's `good` colour.
    case correct
    /// Wrong: marked ✗, in the palette's `bad` colour.
    case wrong
  }

  /// Where the titles go.
  public enum TitlePosition: Sendable {
    /// Over each image, as `plt.title` places them.
    case above
    /// Under each image.
    case below
  }

  /// The columns between two images.
  static let gap = 2

  let tiles: [Tile]
  let maximumColumns: Int
  let cellWidth: ClosedRange<Int>
  let titlePosition: TitlePosition

  /// Creates a grid of tiles, in reading order, at most `maximumColumns` across, each image
  /// drawn between `cellWidth.lowerBound` and `cellWidth.upperBound` columns wide.
  public init(
    _ tiles: [Tile], maximumColumns: Int = 3, cellWidth: ClosedRange<Int> = 8...32,
    titlePosition: TitlePosition = .above
  ) {
    self.tiles = tiles
    self.maximumColumns = Swift.max(1, maximumColumns)
    self.cellWidth = Swift.max(1, cellWidth.lowerBound)...Swift.max(1, cellWidth.upperBound)
    self.titlePosition = titlePosition
  }

  /// Creates a grid of images titled in order by `titles`; an image without a title gets an empty
  /// one, and titles without an image are left out.
  public init(
    images: [Image], titles: [String], maximumColumns: Int = 3, cellWidth: ClosedRange<Int> = 8...32,
    titlePosition: TitlePosition = .above
  ) {
    let tiles = images.indices.map { Tile(images[$0], title: $0 < titles.count ? titles[$0] : "") }
    self.init(tiles, maximumColumns: maximumColumns, cellWidth: cellWidth, titlePosition: titlePosition)
  }

  // MARK: - Drawing

  /// The lines to print, without trailing newlines: rows of images with their titles, a blank line
  /// between rows; or the titles alone, one a line, when not even one small image fits.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    guard !tiles.isEmpty else { return [] }
    guard let layout = layout(forWidth: capabilities.width, height: capabilities.height) else {
      return tiles.map { tile in
        ImageGrid.styled(TextLayout.truncated(tile.displayedTitle, to: capabilities.width), tile, capabilities)
      }
    }
    var lines: [String] = []
    for start in stride(from: 0, to: tiles.count, by: layout.columns) {
      let row = Array(tiles[start..<Swift.min(start + layout.columns, tiles.count)])
      if start > 0 { lines.append("") }
      let pictures = row.map {
        ImageGrid.view(of: $0.image).lines(columns: layout.cellWidth, capabilities: capabilities)
      }
      let height = pictures.map(\.count).max() ?? 0
      let blank = String(repeating: " ", count: layout.cellWidth)
      let pictureLines = (0..<height).map { line in
        pictures.map { line < $0.count ? $0[line] : blank }.joined(separator: ImageGrid.spacing)
      }
      let titles = row.map { tile in
        let fitted = TextLayout.truncated(tile.displayedTitle, to: layout.cellWidth)
        let spare = layout.cellWidth - fitted.count
        return String(repeating: " ", count: spare / 2) + ImageGrid.styled(fitted, tile, capabilities)
          + String(repeating: " ", count: spare - spare / 2)
      }.joined(separator: ImageGrid.spacing)
      switch titlePosition {
      case .above: lines += [titles] + pictureLines
      case .below: lines += pictureLines + [titles]
      }
    }
    return lines.map(TextLayout.trimmed)
  }

  /// The rows a terminal keeps free under the grid, for the prompt that follows a step's output.
  static let rowsLeftFree = 2

  /// How many images go across and how wide each is drawn, for a terminal `width` columns wide
  /// and, when known, `height` rows high; `nil` when not even one image of the smallest width fits
  /// across.
  func layout(forWidth width: Int, height: Int? = nil) -> (columns: Int, cellWidth: Int)? {
    guard let fitted = layout(forWidth: width) else { return nil }
    guard let height else { return fitted }
    let rows = height - ImageGrid.rowsLeftFree
    if lineCount(fitted) <= rows { return fitted }
    // Too tall: the largest images that fit both ways, with any number of columns.
    let smallest = cellWidth.lowerBound
    let candidates = (1...tiles.count).compactMap { count -> (columns: Int, cellWidth: Int)? in
      let columns = ImageGrid.balancedColumns(tiles.count, atMost: count)
      var size = Swift.min(fitted.cellWidth, (width - ImageGrid.gap * (columns - 1)) / columns)
      while size >= smallest && lineCount((columns, size)) > rows { size -= 1 }
      return size >= smallest ? (columns, size) : nil
    }
    return candidates.max { $0.cellWidth < $1.cellWidth || ($0.cellWidth == $1.cellWidth && $0.columns > $1.columns) }
      ?? fitted
  }

  /// How many images go across and how wide each is drawn, for a terminal `width` columns wide,
  /// its height aside.
  private func layout(forWidth width: Int) -> (columns: Int, cellWidth: Int)? {
    let widest = tiles.map(\.image.width).max() ?? 0
    let preferred = Swift.min(cellWidth.upperBound, Swift.max(cellWidth.lowerBound, widest))
    for candidate in stride(from: Swift.min(maximumColumns, tiles.count), through: 1, by: -1) {
      let columns = ImageGrid.balancedColumns(tiles.count, atMost: candidate)
      let fitting = Swift.min(preferred, (width - ImageGrid.gap * (columns - 1)) / columns)
      if fitting >= cellWidth.lowerBound { return (columns, fitting) }
    }
    return nil
  }

  /// The columns for `count` images in at most `limit` columns, balanced so that rows are as full
  /// as they can be: 4 images in 3 columns take 2 rows, as 2 columns would, so 2 (2 + 2 rather
  /// than 3 + 1).
  static func balancedColumns(_ count: Int, atMost limit: Int) -> Int {
    let rows = (count + limit - 1) / limit
    return (count + rows - 1) / rows
  }

  /// The lines the grid takes in a layout: per row of images, its titles and its tallest image,
  /// and a blank line between rows.
  func lineCount(_ layout: (columns: Int, cellWidth: Int)) -> Int {
    stride(from: 0, to: tiles.count, by: layout.columns).map { start in
      let row = tiles[start..<Swift.min(start + layout.columns, tiles.count)]
      return 1 + (row.map { ImageGrid.view(of: $0.image).rowCount(columns: layout.cellWidth) }.max() ?? 0)
    }.reduce(0, +) + (tiles.count + layout.columns - 1) / layout.columns - 1
  }

  // MARK: - Helpers

  private static let spacing = String(repeating: " ", count: gap)

  /// The view that draws one image; its maximum width is unused, as the grid picks the width.
  static func view(of image: Image) -> ImageView {
    ImageView(
      width: image.width, height: image.height, channels: image.channels, pixels: image.pixels,
      maximumWidth: image.width)
  }

  /// A title in its outcome's colour when the capabilities allow colour.
  private static func styled(_ text: String, _ tile: Tile, _ capabilities: TerminalCapabilities) -> String {
    ANSI.styled(text, tile.titleColour, capabilities)
  }
}
