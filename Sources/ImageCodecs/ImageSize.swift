/// A size in pixels: columns and rows.
public struct ImageSize: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The number of columns.
  public var width: Int
  /// The number of rows.
  public var height: Int

  /// Creates a size of `width` columns and `height` rows.
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// The size with width and height swapped: the size of the picture turned a quarter.
  public var transposed: ImageSize { ImageSize(width: height, height: width) }

  /// `640×427`.
  public var description: String { "\(width)×\(height)" }
}
