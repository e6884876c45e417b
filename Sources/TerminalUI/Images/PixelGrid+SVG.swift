// The table of numbers as a standalone SVG figure: one square per pixel, filled with the pixel's
// colour, its numbers written over it in black or white, row and column numbers on the axes and
// the caption underneath. Unlike the terminal, the figure always shows every column.

extension PixelGrid {
  /// Returns the patch as an SVG drawing headed by `title`: squares tinted with each pixel's colour
  /// and labelled with its numbers (`R 255`, `G 0`, `B 12` stacked for colour), the caption below.
  ///
  ///     try PixelGrid(digit, aroundRow: 14, column: 14).svg(title: "The centre of a 7").write(to: "seven.svg")
  public func svg(title: String) -> SVGDocument {
    let names = channelNames
    let cell = names.count > 1 ? 12.0 * Double(names.count) + 8 : 32
    let margin = 16.0
    let left = margin + 28  // room for the row numbers
    let top = 28.0 + 18  // the heading, then the column numbers
    let tableWidth = Double(columns.count) * cell
    let tableHeight = Double(rows.count) * cell
    let width = Swift.max(left + tableWidth + margin, 240)
    // About 6 units a character at 11 units.
    let captionLines = TextLayout.wrapped(caption(shownColumns: columns), width: Int((width - 2 * margin) / 6))
    let height = top + tableHeight + 12 + Double(captionLines.count) * 15 + margin

    var document = SVGDocument(width: width, height: height, title: title)
    document.text(title, x: width / 2, y: 20, size: 14, anchor: .middle, bold: true)
    for (index, column) in columns.enumerated() {
      let x = left + (Double(index) + 0.5) * cell
      document.text(String(column), x: x, y: top - 6, size: 10, anchor: .middle, fill: Palette.axis)
    }
    for (rowIndex, row) in rows.enumerated() {
      let y = top + Double(rowIndex) * cell
      document.text(String(row), x: left - 6, y: y + cell / 2 + 4, size: 10, anchor: .end, fill: Palette.axis)
      for (columnIndex, column) in columns.enumerated() {
        let x = left + Double(columnIndex) * cell
        let colour = colour(row: row, column: column)
        document.rect(x: x, y: y, width: cell, height: cell, fill: colour, stroke: Palette.axis, strokeWidth: 0.5)
        let ink: RGBColor = colour.luminance > 127 ? .black : .white
        for channel in 0..<image.channels {
          let value = formatted(sample(row: row, column: column, channel: channel))
          let text = names.count > 1 ? "\(names[channel].prefix(1)) \(value)" : value
          // Lines 12 units apart, centred in the square as a block.
          let baseline = y + cell / 2 + 4 + 12 * (Double(channel) - Double(image.channels - 1) / 2)
          document.text(text, x: x + cell / 2, y: baseline, size: 9.5, anchor: .middle, fill: ink)
        }
      }
    }
    for (index, line) in captionLines.enumerated() {
      document.text(line, x: margin, y: top + tableHeight + 24 + Double(index) * 15, size: 11)
    }
    return document
  }
}
