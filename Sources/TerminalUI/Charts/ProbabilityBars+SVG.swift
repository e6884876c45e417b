extension ProbabilityBars {
  /// Returns the bars as a standalone SVG drawing: one bar per class on a light track, its
  /// percentage, the prediction and the true label marked in words, and the verdict as a caption.
  ///
  ///     try bars.svg(title: "Test image 17").write(to: "prediction.svg")
  public func svg(title: String? = nil) -> SVGDocument {
    let rowHeight = 28.0
    let top = title == nil ? 16.0 : 48.0
    let labelWidth = Double(labels.map(\.count).max() ?? 1) * 7.5
    let left = 24 + labelWidth
    let barLength = 300.0
    let captions = captionLines()
    let height = top + Double(labels.count) * rowHeight + 20 + Double(captions.count) * 18
    var document = SVGDocument(width: left + barLength + 260, height: height, title: title ?? "Class probabilities")
    if let title {
      document.text(title, x: document.width / 2, y: 28, size: 16, anchor: .middle, bold: true)
    }
    let predicted = predictedIndex
    for index in labels.indices {
      let rowTop = top + Double(index) * rowHeight
      let value = probabilities[index].isFinite ? Swift.min(1, Swift.max(0, probabilities[index])) : 0
      let isPrediction = index == predicted
      let colour = isPrediction ? (isCorrect == false ? Palette.bad : Palette.good) : RGBColor(gray: 170)
      document.text(labels[index], x: left - 8, y: rowTop + 19, size: 13, anchor: .end, bold: isPrediction)
      document.rect(x: left, y: rowTop + 5, width: barLength, height: 18, fill: RGBColor(gray: 243))
      document.rect(x: left, y: rowTop + 5, width: value * barLength, height: 18, fill: colour)
      document.text(TextLayout.percent(probabilities[index]), x: left + barLength + 8, y: rowTop + 19, size: 13)
      if isPrediction {
        document.text("◀ predicted", x: left + barLength + 64, y: rowTop + 19, size: 13, bold: true, fill: colour)
      } else if isCorrect == false, labels[index] == trueLabel {
        document.text("◁ true label", x: left + barLength + 64, y: rowTop + 19, size: 13, fill: Palette.good)
      }
    }
    for (index, line) in captions.enumerated() {
      let y = top + Double(labels.count) * rowHeight + 22 + Double(index) * 18
      document.text(line, x: 16, y: y, size: 13)
    }
    return document
  }

  /// The prediction, its verdict and any warning about the values, wrapped for the drawing.
  private func captionLines() -> [String] {
    var text = predictedIndex.map { summary(predicted: $0) } ?? "No probabilities."
    if let note = probabilityNote() { text += " " + note }
    return TextLayout.wrapped(text, width: 80)
  }
}
