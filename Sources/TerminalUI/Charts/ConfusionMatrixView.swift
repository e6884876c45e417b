import TextEscaping

/// A confusion matrix as a table and heat map: rows are the true classes, columns the predicted
/// ones, and each cell counts the images of its row's class that the model gave its column's
/// label, as scikit-learn's `confusion_matrix` lays it out.
///
/// Every count is printed, so plain text loses nothing. Correct predictions, on the diagonal, are
/// bracketed (`[38]`). With colour, mistakes are tinted on `Palette.mistakes` (gold to red,
/// darker is more, scaled to the largest mistake so that it always stands out) and the diagonal on
/// `Palette.correct` (blues); cells of 0 stay untinted, on dark and light backgrounds alike.
/// Row totals (images per true class), column totals (predictions per class) and, optionally,
/// each class's recall (the share of its images predicted correctly) sit around the table. Two
/// sentences follow: the accuracy, and the most-confused pair ("Most confused: 14 cat images
/// predicted as dog."). When the table is too wide, column labels are shortened (or numbered)
/// with a key underneath, then the recall column goes; at the last resort each class becomes one
/// line of text.
///
///     let view = ConfusionMatrixView(
///       matrix: [[38, 3, 2, 1, 6], [4, 29, 9, 6, 2], [2, 6, 25, 14, 3], [1, 5, 12, 30, 2], [5, 1, 2, 1, 41]],
///       labels: ["airplane", "bird", "cat", "dog", "truck"])
///     for line in view.lines(for: .standardOutput) { print(line) }
public struct ConfusionMatrixView: Sendable {
  /// The counts: `matrix[true][predicted]`, one row and one column per label. Missing cells
  /// count as 0.
  public let matrix: [[Int]]
  /// The class names, in the order of the rows and columns, escaped for the terminal.
  public let labels: [String]
  /// Whether to show each class's recall beside its row.
  public let showsRecall: Bool

  /// Creates the view of a square matrix of counts, one row and column per label.
  public init(matrix: [[Int]], labels: [String], showsRecall: Bool = true) {
    self.matrix = labels.indices.map { row in
      labels.indices.map { column in
        row < matrix.count && column < matrix[row].count ? matrix[row][column] : 0
      }
    }
    self.labels = labels.map { $0.escapedForTerminal() }
    self.showsRecall = showsRecall
  }

  // MARK: - Numbers

  /// Images per true class.
  var rowTotals: [Int] { matrix.map { $0.reduce(0, +) } }
  /// Predictions per class.
  var columnTotals: [Int] { labels.indices.map { column in matrix.reduce(0) { $0 + $1[column] } } }
  /// All images.
  var total: Int { rowTotals.reduce(0, +) }
  /// Images on the diagonal.
  var correct: Int { labels.indices.reduce(0) { $0 + matrix[$1][$1] } }

  /// The largest count off the diagonal (the first in reading order, on ties); nil when there is
  /// no mistake.
  public var mostConfused: (trueIndex: Int, predictedIndex: Int, count: Int)? {
    var best: (trueIndex: Int, predictedIndex: Int, count: Int)?
    for row in labels.indices {
      for column in labels.indices where row != column && matrix[row][column] > (best?.count ?? 0) {
        best = (row, column, matrix[row][column])
      }
    }
    return best
  }

  /// The accuracy as a sentence: "Accuracy: 73.2% (183 of 250 images on the diagonal)."
  public var accuracySentence: String {
    guard total > 0 else { return "No images counted." }
    let share = TextLayout.percent(Double(correct) / Double(total))
    return "Accuracy: \(share) (\(correct) of \(total) images on the diagonal)."
  }

  /// The most-confused pair as a sentence, class names quoted so that digits read clearly too:
  /// `Most confused: 14 images of "cat" predicted as "dog".`
  public var confusionSentence: String {
    guard let pair = mostConfused else { return "No confusions: every image is on the diagonal." }
    let noun = pair.count == 1 ? "image" : "images"
    return "Most confused: \(pair.count) \(noun) of \"\(labels[pair.trueIndex])\" predicted as "
      + "\"\(labels[pair.predictedIndex])\"."
  }

  /// A class's recall (diagonal over row total), or nil for a class without images.
  func recall(_ row: Int) -> Double? {
    rowTotals[row] > 0 ? Double(matrix[row][row]) / Double(rowTotals[row]) : nil
  }

  /// The tint of a cell: its count on the diagonal's scale or the mistakes' scale, each scaled to
  /// its own largest count; nil for a count of 0.
  func tint(_ row: Int, _ column: Int) -> RGBColor? {
    row == column
      ? Palette.correct.colour(of: matrix[row][column], maximum: labels.indices.map { matrix[$0][$0] }.max() ?? 0)
      : Palette.mistakes.colour(of: matrix[row][column], maximum: mostConfused?.count ?? 0)
  }

  // MARK: - Terminal

  /// The lines to print, without trailing newlines, none wider than the capabilities' width.
  public func lines(for capabilities: TerminalCapabilities) -> [String] {
    let width = Swift.max(1, capabilities.width)
    let sentences = [accuracySentence, confusionSentence].flatMap { TextLayout.wrapped($0, width: width) }
    guard !labels.isEmpty else { return sentences }
    guard let layout = ConfusionLayout.fitting(self, width: width) else {
      return labels.indices.flatMap { TextLayout.wrapped(summary(ofRow: $0), width: width) } + sentences
    }
    return layout.table(capabilities) + sentences + layout.key(width: width)
  }

  /// One true class in words, for widths too narrow for the table.
  private func summary(ofRow row: Int) -> String {
    var text = "\(labels[row]): \(matrix[row][row]) of \(rowTotals[row]) correct"
    if let recall = recall(row) { text += " (\(TextLayout.percent(recall)))" }
    let mistakes = labels.indices.filter { $0 != row && matrix[row][$0] > 0 }
    if let worst = mistakes.max(by: { matrix[row][$0] < matrix[row][$1] }) {
      text += ", most often predicted as \(labels[worst]) (\(matrix[row][worst]))"
    }
    return text + "."
  }
}
