/// Why a zlib stream or raw DEFLATE data could not be decompressed; `description` words it.
///
/// The module knows nothing of the file the data came from: a caller that does (a PNG decoder,
/// a ZIP reader) names the file and says what to do about it.
public enum InflateError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The input ends before the compressed data does; `detail` says where.
  case truncated(String)
  /// The decompressed bytes do not match the Adler-32 at the end of the zlib stream.
  case checksumMismatch(stored: UInt32, computed: UInt32)
  /// The zlib header asks for a preset dictionary, which this decompressor does not support.
  case needsPresetDictionary
  /// The data breaks the zlib or DEFLATE format, or decompresses to more bytes than allowed;
  /// `detail` says how.
  case corrupt(String)

  /// The problem in a sentence, without a file name: "the compressed data is damaged (…)".
  public var description: String {
    switch self {
    case .truncated(let detail):
      return "the compressed data is cut off (\(detail))"
    case .checksumMismatch(let stored, let computed):
      return "the checksum of the decompressed data (its zlib Adler-32) is \(Self.hex(computed)) but the stream "
        + "says \(Self.hex(stored))"
    case .needsPresetDictionary:
      return "the zlib stream needs a preset dictionary, which this decompressor does not support"
    case .corrupt(let detail):
      return "the compressed data is damaged (\(detail))"
    }
  }

  /// `value` as `0x` and eight uppercase hexadecimal digits.
  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
  }
}
