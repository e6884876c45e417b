/// The Adler-32 checksum that ends every zlib stream (RFC 1950), and so every PNG's image data:
/// two running sums modulo 65521, the second summing the first after each byte.
///
/// Matches Python's `zlib.adler32`, including continuation:
/// `checksum(b, startingWith: checksum(a))` equals `checksum(a + b)`.
enum Adler32 {
  /// The largest prime below 2¹⁶.
  static let modulus: UInt32 = 65_521
  /// How many bytes can be summed before the second sum could overflow 32 bits (zlib's NMAX).
  static let blockLength = 5_552

  /// The checksum of `bytes`, continuing from `previous` (1, the checksum of no bytes, to start).
  static func checksum(_ bytes: some Collection<UInt8>, startingWith previous: UInt32 = 1) -> UInt32 {
    var a = previous & 0xFFFF
    var b = previous >> 16
    var remaining = bytes[...]
    while !remaining.isEmpty {
      let block = remaining.prefix(blockLength)
      for byte in block {
        a &+= UInt32(byte)
        b &+= a
      }
      a %= modulus
      b %= modulus
      remaining = remaining.dropFirst(block.count)
    }
    return b << 16 | a
  }
}
