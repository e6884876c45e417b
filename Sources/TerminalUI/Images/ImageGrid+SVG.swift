import ImageCodecs

// The grid as a standalone SVG figure: the same rows and titles as in the terminal, with each
// image embedded as a PNG and scaled up with sharp pixels, as `plt.imshow` shows small images.

extension ImageGrid {
  /// The side of the square each image is fitted into, in SVG units.
  static let svgBox = 96.0
  /// The space between images and around the figure.
  static let svgSpacing = 16.0
  /// The height of a title's band.
  static let svgTitleBand = 20.0
  /// The height of the heading at the top.
  static let svgHeading = 28.0

  /// Returns the grid as an SVG drawing headed by `title`: `maximumColumns` images across, each
  /// fitted into a 96-unit square with its proportions kept, titled in black, or with ✓ in the
  /// palette's `good` and ✗ in its `bad` colour.
  ///
  ///     try ImageGrid(images: batch, titles: names).svg(title: "First training batch").write(to: "batch.svg")
  public func svg(title: String) -> SVGDocument {
    let columns = Swift.min(maximumColumns, Swift.max(1, tiles.count))
    let rows = (tiles.count + columns - 1) / columns
    let box = ImageGrid.svgBox
    let spacing = ImageGrid.svgSpacing
    let rowHeight = box + ImageGrid.svgTitleBand
    let width = spacing * 2 + Double(columns) * box + Double(columns - 1) * spacing
    let height = ImageGrid.svgHeading + spacing + Double(rows) * rowHeight + Double(Swift.max(0, rows - 1)) * spacing
    var document = SVGDocument(width: width, height: height, title: title)
    document.text(title, x: width / 2, y: 20, size: 14, anchor: .middle, bold: true)
    // Titles longer than a box and its spacing (about 7 units a character at 12 units) are cut.
    let titleLimit = Int((box + spacing) / 7)
    for (index, tile) in tiles.enumerated() {
      let x = spacing + Double(index % columns) * (box + spacing)
      let top = ImageGrid.svgHeading + Double(index / columns) * (rowHeight + spacing)
      let imageTop = titlePosition == .above ? top + ImageGrid.svgTitleBand : top
      let baseline = titlePosition == .above ? top + 14 : top + box + 15
      document.text(
        TextLayout.truncated(tile.displayedTitle, to: titleLimit), x: x + box / 2, y: baseline, size: 12,
        anchor: .middle, fill: tile.titleColour ?? .black)
      let image = tile.image
      guard image.width > 0, image.height > 0 else { continue }
      let scale = box / Double(Swift.max(image.width, image.height))
      let (drawnWidth, drawnHeight) = (Double(image.width) * scale, Double(image.height) * scale)
      document.image(
        image, x: x + (box - drawnWidth) / 2, y: imageTop + (box - drawnHeight) / 2, width: drawnWidth,
        height: drawnHeight, pixelated: scale >= 1)
    }
    return document
  }
}
