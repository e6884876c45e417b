import Foundation

// A tensor prints the way TensorFlow prints one, with NumPy's value layout:
//
//     Tensor([0.1 0.7 0.2], shape: [3])
//     Tensor(
//     [[1. 2. 3.]
//      [4. 5. 6.]], shape: [2, 3])
//
// NumPy's rules, followed here: every value gets the same width and decimal places (trailing
// zeros become spaces, `1.` for whole numbers); scientific notation when the largest magnitude is
// at least 1e8, the smallest non-zero one is below 1e-4, or they differ by more than 1000×; at
// most 8 decimals; lines wrap at 75 characters; tensors of more than 1000 values show only the
// first and last 3 items along each axis, with `...` between.

extension Tensor: CustomStringConvertible {
  /// The values in NumPy's layout, followed by the shape, as TensorFlow prints a tensor.
  public var description: String {
    let body = NumPyLayout(tensor: self).render()
    return body.contains("\n") ? "Tensor(\n\(body), shape: \(shape))" : "Tensor(\(body), shape: \(shape))"
  }
}

/// Lays out a tensor's values as NumPy's `str()` does.
struct NumPyLayout {
  static let lineWidth = 75
  static let summaryThreshold = 1000
  static let edgeItems = 3

  let tensor: Tensor
  let summarize: Bool

  init(tensor: Tensor) {
    self.tensor = tensor
    self.summarize = tensor.scalarCount > NumPyLayout.summaryThreshold
  }

  func render() -> String {
    let format = ValueFormat(values: shownValues())
    if tensor.rank == 0 { return format.string(tensor.scalars.first ?? .nan) }
    return block(axis: 0, offset: 0, indent: "", format: format)
  }

  /// The indices shown along an axis of the given size: all, or the first and last few.
  private func shownIndices(size: Int) -> (head: [Int], tail: [Int]) {
    if summarize && size > 2 * NumPyLayout.edgeItems {
      return (Array(0..<NumPyLayout.edgeItems), Array((size - NumPyLayout.edgeItems)..<size))
    }
    return (Array(0..<size), [])
  }

  /// Every value that will be printed (the width of each column depends only on these).
  private func shownValues() -> [Float] {
    var values: [Float] = []
    func collect(axis: Int, offset: Int) {
      if axis == tensor.rank {
        values.append(tensor.scalars[offset])
        return
      }
      let (head, tail) = shownIndices(size: tensor.shape[axis])
      for i in head + tail { collect(axis: axis + 1, offset: offset * tensor.shape[axis] + i) }
    }
    collect(axis: 0, offset: 0)
    return values
  }

  private func block(axis: Int, offset: Int, indent: String, format: ValueFormat) -> String {
    let size = tensor.shape[axis]
    let (head, tail) = shownIndices(size: size)
    let innerIndent = indent + " "
    if axis == tensor.rank - 1 {
      var items = head.map { format.string(tensor.scalars[offset * size + $0]) }
      if !tail.isEmpty { items.append("...") }
      items += tail.map { format.string(tensor.scalars[offset * size + $0]) }
      return "[" + wrapped(items, indent: innerIndent, width: NumPyLayout.lineWidth - tensor.rank) + "]"
    }
    // Sub-blocks are separated by a newline, plus one blank line per axis below the next one.
    let separator = "\n" + String(repeating: "\n", count: tensor.rank - axis - 2) + innerIndent
    var parts = head.map { block(axis: axis + 1, offset: offset * size + $0, indent: innerIndent, format: format) }
    if !tail.isEmpty { parts.append("...") }
    parts += tail.map { block(axis: axis + 1, offset: offset * size + $0, indent: innerIndent, format: format) }
    return "[" + parts.joined(separator: separator) + "]"
  }

  /// Joins the items of the innermost axis with spaces, starting a new line when one would grow
  /// past `width` (NumPy keeps one column free for each closing bracket).
  private func wrapped(_ items: [String], indent: String, width: Int) -> String {
    var lines: [String] = []
    var line = ""
    var lineLength = indent.count
    for (position, item) in items.enumerated() {
      let piece = position == 0 ? item : " " + item
      if position > 0 && lineLength + piece.count > width {
        // NumPy drops the padding at the end of a wrapped line.
        lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
        line = item
        lineLength = indent.count + item.count
      } else {
        line += piece
        lineLength += piece.count
      }
    }
    lines.append(line)
    return lines.joined(separator: "\n" + indent)
  }
}

/// The single number format NumPy picks for all the values of one array.
struct ValueFormat {
  private let scientific: Bool
  private let fractionDigits: Int
  private let integerWidth: Int
  private let fractionWidth: Int

  static let maximumFractionDigits = 8

  init(values: [Float]) {
    let magnitudes = values.filter { $0.isFinite && $0 != 0 }.map { Swift.abs($0) }
    if let largest = magnitudes.max(), let smallest = magnitudes.min() {
      scientific = largest >= 1e8 || smallest < 1e-4 || largest / smallest > 1e3
    } else {
      scientific = false
    }
    let finite = values.filter(\.isFinite)
    let isScientific = scientific
    let digits = Swift.min(
      finite.map { ValueFormat.shortestDigits($0, scientific: isScientific) }.max() ?? 0,
      ValueFormat.maximumFractionDigits)
    fractionDigits = digits
    // Pad every value to the widest integer part and widest fraction part.
    let parts = finite.map { value in
      ValueFormat.plain(value, scientific: isScientific, fractionDigits: digits)
        .split(separator: ".", omittingEmptySubsequences: false)
    }
    let fractionWidth = parts.map { $0.count > 1 ? $0[1].count : 0 }.max() ?? 0
    // Non-finite values are right-aligned in the same width, widening the integer part if needed.
    var integerWidth = parts.map { $0[0].count }.max() ?? 1
    let offset = fractionWidth + 1
    if values.contains(where: \.isNaN) { integerWidth = Swift.max(integerWidth, 3 - offset) }
    if values.contains(where: \.isInfinite) {
      let infinityWidth = values.contains(-Float.infinity) ? 4 : 3
      integerWidth = Swift.max(integerWidth, infinityWidth - offset)
    }
    self.fractionWidth = fractionWidth
    self.integerWidth = integerWidth
  }

  /// Returns `value` padded to the common width.
  func string(_ value: Float) -> String {
    guard value.isFinite else {
      let word = value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
      return String(repeating: " ", count: Swift.max(0, integerWidth + 1 + fractionWidth - word.count)) + word
    }
    let text = ValueFormat.plain(value, scientific: scientific, fractionDigits: fractionDigits)
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let integer = String(parts[0])
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    return String(repeating: " ", count: integerWidth - integer.count) + integer + "." + fraction
      + String(repeating: " ", count: fractionWidth - fraction.count)
  }

  /// `value` with the given decimals, trailing zeros dropped in fixed notation (`1.`, `0.25`).
  private static func plain(_ value: Float, scientific: Bool, fractionDigits: Int) -> String {
    if scientific {
      // C prints "1.5000e-05"; NumPy keeps those zeros in scientific notation and writes "1.e-05" for none.
      let text = String(format: "%.\(fractionDigits)e", Double(value))
      return fractionDigits == 0 ? text.replacingOccurrences(of: "e", with: ".e") : text
    }
    let digits = Swift.min(shortestDigits(value, scientific: false), fractionDigits)
    var text = String(format: "%.\(digits)f", Double(value))
    if !text.contains(".") { text += "." }
    return text
  }

  /// How many decimals the shortest exact representation of `value` needs.
  static func shortestDigits(_ value: Float, scientific: Bool) -> Int {
    // Swift's description is the shortest string that reads back as the same Float.
    let text = value.magnitude.description.lowercased()
    let parts = text.split(separator: "e")
    let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    let integer = String(mantissa[0])
    var fraction = mantissa.count > 1 ? String(mantissa[1]) : ""
    while fraction.hasSuffix("0") { fraction.removeLast() }
    if scientific {
      var significant = Substring(integer + fraction).drop { $0 == "0" }
      while significant.hasSuffix("0") { significant.removeLast() }
      return Swift.max(0, significant.count - 1)
    }
    return Swift.max(0, fraction.count - exponent)
  }
}
