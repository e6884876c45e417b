/// The second byte of each JPEG marker this decoder acts on or the encoder writes (ITU-T T.81, table B.1); every
/// marker is `FF` followed by one of these.
enum JPEGMarker {
  /// Start of image, the first two bytes of every JPEG file.
  static let startOfImage: UInt8 = 0xD8
  /// End of image.
  static let endOfImage: UInt8 = 0xD9
  /// Start of a baseline sequential DCT frame (SOF0), the only kind the encoder writes.
  static let baselineFrame: UInt8 = 0xC0
  /// Start of scan: a scan header, then entropy-coded data.
  static let startOfScan: UInt8 = 0xDA
  /// Define quantisation tables.
  static let defineQuantizationTables: UInt8 = 0xDB
  /// Define Huffman tables.
  static let defineHuffmanTables: UInt8 = 0xC4
  /// Define restart interval.
  static let defineRestartInterval: UInt8 = 0xDD
  /// The first restart marker, RST0; RST1…RST7 follow it.
  static let firstRestart: UInt8 = 0xD0
  /// The last restart marker, RST7.
  static let lastRestart: UInt8 = 0xD7
  /// APP1, which holds EXIF metadata.
  static let application1: UInt8 = 0xE1
  /// APP0, which holds the JFIF header.
  static let application0: UInt8 = 0xE0
  /// APP14, which holds Adobe's colour transform flag.
  static let application14: UInt8 = 0xEE

  /// Whether `code` is a restart marker RST0…RST7.
  static func isRestart(_ code: UInt8) -> Bool {
    (firstRestart...lastRestart).contains(code)
  }

  /// Whether `code` is a start-of-frame marker (SOF0…SOF15, leaving out DHT, JPG and DAC).
  static func isStartOfFrame(_ code: UInt8) -> Bool {
    (0xC0...0xCF).contains(code) && code != 0xC4 && code != 0xC8 && code != 0xCC
  }

  /// Whether a marker stands alone, with no length and segment after it (SOI, EOI, RSTn, TEM).
  static func isStandalone(_ code: UInt8) -> Bool {
    code == startOfImage || code == endOfImage || isRestart(code) || code == 0x01
  }

  /// A byte as two uppercase hexadecimal digits, as markers are usually written (`D8`).
  static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
  }
}
