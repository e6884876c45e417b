// How DEFLATE spells match lengths and distances (RFC 1951, section 3.2.5), shared by the
// compressor and the decompressor: a length of 3 to 258 is a literal/length symbol 257...285 plus
// 0 to 5 extra bits; a distance of 1 to 32768 is a distance symbol 0...29 plus 0 to 13 extra bits.

/// The base values and extra-bit counts of DEFLATE's length and distance symbols.
enum DeflateAlphabet {
  /// The shortest match length each length symbol (257 + index) stands for.
  static let lengthBases: [Int] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
    35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
  ]
  /// How many extra bits follow each length symbol (257 + index).
  static let lengthExtraBits: [Int] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
    3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  /// The shortest distance each distance symbol stands for.
  static let distanceBases: [Int] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
    257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  /// How many extra bits follow each distance symbol.
  static let distanceExtraBits: [Int] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
    7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
  ]
}
