extension ConfusionMatrixView {
  /// Returns the matrix as a standalone SVG heat map, as the lesson draws it with seaborn: a
  /// tinted cell with its count for each pair, the diagonal outlined in green, class names along
  /// both axes ("Predicted label" across, "True label" down), totals and recall beside, and the
  /// accuracy and most-confused sentences as a caption.
  ///
  ///     try view.svg(title: "cifar_model_intro on the test set").write(to: "confusion.svg")
  public func svg(title: String? = nil) -> SVGDocument {
    let cell = 56.0
    let count = Double(labels.count)
    let labelWidth = Double(labels.map(\.count).max() ?? 1) * 7.5
    let left = Swift.max(100, 36 + labelWidth)
    let top = (title == nil ? 20.0 : 52.0) + 40
    let gridRight = left + count * cell
    let gridBottom = top + count * cell
    let width = gridRight + 24 + (showsRecall ? 120 : 60)
    let captions = [accuracySentence, confusionSentence].flatMap { TextLayout.wrapped($0, width: Int(width / 7)) }
    let height = gridBottom + 40 + Double(captions.count) * 18
    var document = SVGDocument(width: width, height: height, title: title ?? "Confusion matrix")
    if let title {
      document.text(title, x: width / 2, y: 28, size: 16, anchor: .middle, bold: true)
    }
    document.text("Predicted label", x: (left + gridRight) / 2, y: top - 26, size: 13, anchor: .middle, bold: true)
    document.text("True label", x: 12, y: top - 8, size: 13, bold: true)

    let maximum = matrix.joined().max() ?? 0
    for (index, label) in labels.enumerated() {
      let offset = Double(index) * cell
      document.text(label, x: left + offset + cell / 2, y: top - 8, size: 11, anchor: .middle)
      document.text(label, x: left - 8, y: top + offset + cell / 2 + 4, size: 12, anchor: .end)
    }
    for row in labels.indices {
      for column in labels.indices {
        let fraction = maximum > 0 ? Double(matrix[row][column]) / Double(maximum) : 0
        let x = left + Double(column) * cell
        let y = top + Double(row) * cell
        document.rect(x: x, y: y, width: cell, height: cell, fill: Palette.heat(fraction), stroke: .white)
        document.text(
          String(matrix[row][column]), x: x + cell / 2, y: y + cell / 2 + 5, size: 14, anchor: .middle,
          bold: row == column, fill: fraction > 0.5 ? .white : .black)
      }
    }
    for index in labels.indices {
      let offset = Double(index) * cell
      document.rect(
        x: left + offset + 1.5, y: top + offset + 1.5, width: cell - 3, height: cell - 3, fill: nil,
        stroke: Palette.good, strokeWidth: 3)
    }
    drawTotals(in: &document, left: left, top: top, cell: cell)
    for (index, line) in captions.enumerated() {
      document.text(line, x: 12, y: gridBottom + 48 + Double(index) * 18, size: 13)
    }
    return document
  }

  /// Row totals and recall to the right of the grid, column totals under it.
  private func drawTotals(in document: inout SVGDocument, left: Double, top: Double, cell: Double) {
    let gridRight = left + Double(labels.count) * cell
    let gridBottom = top + Double(labels.count) * cell
    document.text("total", x: gridRight + 36, y: top - 8, size: 11, anchor: .middle, fill: Palette.axis)
    if showsRecall {
      document.text("recall", x: gridRight + 96, y: top - 8, size: 11, anchor: .middle, fill: Palette.axis)
    }
    for index in labels.indices {
      let middle = Double(index) * cell + cell / 2
      document.text(String(rowTotals[index]), x: gridRight + 36, y: top + middle + 4, size: 12, anchor: .middle)
      if showsRecall {
        let text = recall(index).map(TextLayout.percent) ?? "–"
        document.text(text, x: gridRight + 96, y: top + middle + 4, size: 12, anchor: .middle)
      }
      document.text(String(columnTotals[index]), x: left + middle, y: gridBottom + 18, size: 12, anchor: .middle)
    }
    document.text("total", x: left - 8, y: gridBottom + 18, size: 11, anchor: .end, fill: Palette.axis)
    document.text(String(total), x: gridRight + 36, y: gridBottom + 18, size: 12, anchor: .middle)
  }
}
