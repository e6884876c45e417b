/// A height and a width, for kernel sizes, pooling windows and strides. Write one number for a
/// square (`kernelSize: 3` means 3×3) or two for height and width (`kernelSize: [3, 5]`), as Keras
/// accepts `3` or `(3, 5)`.
public struct Size2D: Equatable, Sendable, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral,
  CustomStringConvertible
{
  /// The numbers as written; valid when there are one or two of them.
  let values: [Int]

  /// Creates a size of `height` rows and `width` columns.
  public init(height: Int, width: Int) {
    values = [height, width]
  }

  /// Creates a square size: `Size2D(3)` is 3×3.
  public init(_ side: Int) {
    values = [side]
  }

  /// Creates a square size from a single number: `kernelSize: 3`.
  public init(integerLiteral side: Int) {
    values = [side]
  }

  /// Creates a size from `[height, width]`: `kernelSize: [3, 5]`.
  public init(arrayLiteral elements: Int...) {
    values = elements
  }

  /// The number of rows.
  public var height: Int { values.first ?? 0 }

  /// The number of columns.
  public var width: Int { values.count > 1 ? values[1] : height }

  /// `(3, 3)`, as Keras writes a size in messages.
  public var description: String { "(\(height), \(width))" }

  /// Keras's config form: `[3, 3]`.
  var config: JSONValue { [.integer(height), .integer(width)] }

  /// Returns nil if the size is valid, or the error to report for `argument` of `layer`.
  func validationError(layer: String, argument: String) -> LayerError? {
    guard values.count == 1 || values.count == 2, values.allSatisfy({ $0 > 0 }) else {
      return .invalidArgument(
        layer: layer, argument: argument, value: "\(values)",
        requirement: "one positive number (3 for 3×3) or two ([3, 5] for 3 rows by 5 columns)")
    }
    return nil
  }
}
