/// One pass of a PNG's scanlines: the pixels at `startRow + k · rowStep`, `startColumn + j ·
/// columnStep` of the image, stored as a small image of their own (a "reduced image").
///
/// A non-interlaced image is a single pass with steps of 1. An Adam7-interlaced image has seven
/// passes over an 8×8 grid, so that a viewer can show a coarse picture early:
///
///     1 6 4 6 2 6 4 6
///     7 7 7 7 7 7 7 7
///     5 6 5 6 5 6 5 6
///     7 7 7 7 7 7 7 7
///     3 6 4 6 3 6 4 6
///     7 7 7 7 7 7 7 7
///     5 6 5 6 5 6 5 6
///     7 7 7 7 7 7 7 7
struct InterlacePass: Equatable, Sendable {
  /// The first row of the image this pass covers.
  let startRow: Int
  /// The first column of the image this pass covers.
  let startColumn: Int
  /// The distance between the rows this pass covers.
  let rowStep: Int
  /// The distance between the columns this pass covers.
  let columnStep: Int

  /// The whole image, row by row: the only pass of a non-interlaced PNG.
  static let whole = InterlacePass(startRow: 0, startColumn: 0, rowStep: 1, columnStep: 1)

  /// The seven passes of Adam7 (PNG specification, section 8.2), in file order.
  static let adam7: [InterlacePass] = [
    InterlacePass(startRow: 0, startColumn: 0, rowStep: 8, columnStep: 8),
    InterlacePass(startRow: 0, startColumn: 4, rowStep: 8, columnStep: 8),
    InterlacePass(startRow: 4, startColumn: 0, rowStep: 8, columnStep: 4),
    InterlacePass(startRow: 0, startColumn: 2, rowStep: 4, columnStep: 4),
    InterlacePass(startRow: 2, startColumn: 0, rowStep: 4, columnStep: 2),
    InterlacePass(startRow: 0, startColumn: 1, rowStep: 2, columnStep: 2),
    InterlacePass(startRow: 1, startColumn: 0, rowStep: 2, columnStep: 1),
  ]

  /// The passes of an image, interlaced or not.
  static func passes(interlaced: Bool) -> [InterlacePass] {
    interlaced ? adam7 : [whole]
  }

  /// The number of columns this pass holds in an image `imageWidth` pixels wide (0 when the
  /// image is too narrow to reach the pass's first column).
  func width(inImageOfWidth imageWidth: Int) -> Int {
    imageWidth > startColumn ? (imageWidth - startColumn + columnStep - 1) / columnStep : 0
  }

  /// The number of rows this pass holds in an image `imageHeight` pixels high (0 when the image
  /// is too short to reach the pass's first row).
  func height(inImageOfHeight imageHeight: Int) -> Int {
    imageHeight > startRow ? (imageHeight - startRow + rowStep - 1) / rowStep : 0
  }
}
