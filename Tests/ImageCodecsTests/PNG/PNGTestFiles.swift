import ZlibCodecs

@testable import ImageCodecs

/// Helpers for the PNG tests: building small PNG files in memory, and naming the case of an
/// `ImageProblem` without its details.
enum PNGTestFiles {
  /// A chunk with its length and a correct CRC (the CRC-32 checks against Python's zlib in
  /// `CRC32Tests`).
  static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let body = Array(type.utf8) + data
    return bigEndian(UInt32(data.count)) + body + bigEndian(CRC32.checksum(body))
  }

  /// `file` with the width and height in its IHDR chunk replaced (and the CRC fixed).
  static func replacingHeader(of file: [UInt8], width: Int, height: Int) -> [UInt8] {
    var data = Array(file[16..<29])
    data.replaceSubrange(0..<8, with: bigEndian(UInt32(width)) + bigEndian(UInt32(height)))
    return Array(file[..<8]) + chunk("IHDR", data) + Array(file[33...])
  }

  /// The four bytes of `value`, most significant first.
  static func bigEndian(_ value: UInt32) -> [UInt8] {
    [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
  }

  /// The case's name, such as `truncated`, to compare kinds of problem without their details.
  static func caseName(_ problem: ImageProblem) -> String {
    switch problem {
    case .cannotRead: return "cannotRead"
    case .cannotWrite: return "cannotWrite"
    case .empty: return "empty"
    case .unknownFormat: return "unknownFormat"
    case .unsupportedFormat: return "unsupportedFormat"
    case .truncated: return "truncated"
    case .checksumMismatch: return "checksumMismatch"
    case .corruptCompressedData: return "corruptCompressedData"
    case .invalidHeader: return "invalidHeader"
    case .unsupportedFeature: return "unsupportedFeature"
    case .tooLarge: return "tooLarge"
    case .cannotEncode: return "cannotEncode"
    }
  }

  /// The problem's detail text (for a checksum, what was checked; for a size, `W×H`).
  static func detail(_ problem: ImageProblem) -> String {
    switch problem {
    case .truncated(let text), .corruptCompressedData(let text), .invalidHeader(let text),
      .unsupportedFeature(let text), .cannotRead(let text), .cannotWrite(let text), .cannotEncode(let text):
      return text
    case .checksumMismatch(let what, _, _): return what
    case .tooLarge(let width, let height, _): return "\(width)×\(height)"
    case .empty, .unknownFormat, .unsupportedFormat: return ""
    }
  }
}
