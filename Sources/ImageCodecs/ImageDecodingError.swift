import TextEscaping

/// Why an image file could not be read, decoded or written: the file's path and the problem.
///
/// The message names the file, says what is wrong and what to do, as in
/// `Datasets/pets/cat/0042.png: not a PNG file (it starts with FF D8 FF, the signature of a JPEG).`
public struct ImageDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file, as the caller named it (or a description such as "the image data").
  public let path: String
  /// What is wrong.
  public let problem: ImageProblem

  /// Creates an error for `path`.
  public init(path: String, problem: ImageProblem) {
    self.path = path
    self.problem = problem
  }

  /// `path: problem`, in a sentence or two, with the path escaped for the terminal.
  public var description: String {
    "\(path.escapedForTerminal()): \(problem)"
  }
}

/// What can be wrong with an image file; `description` words it for a learner.
public enum ImageProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be opened or read (missing, a folder, no permission…).
  case cannotRead(String)
  /// The file could not be written.
  case cannotWrite(String)
  /// The file holds no bytes.
  case empty
  /// The bytes are no image format this module knows; `firstBytes` are the first few.
  case unknownFormat(firstBytes: [UInt8])
  /// A format this module recognises but does not decode in this version.
  case unsupportedFormat(ImageFormat)
  /// The file ends before its data does; `detail` says where.
  case truncated(String)
  /// A checksum does not match: the bytes were damaged.
  case checksumMismatch(what: String, stored: UInt32, computed: UInt32)
  /// The compressed image data is not a valid zlib/DEFLATE stream.
  case corruptCompressedData(String)
  /// The header or structure breaks the format's rules.
  case invalidHeader(String)
  /// The file uses a feature of its format this module does not handle.
  case unsupportedFeature(String)
  /// The declared size is larger than the decoder allows.
  case tooLarge(width: Int, height: Int, limit: Int)
  /// An image cannot be encoded as asked (for example 2 channels as PPM).
  case cannotEncode(String)

  /// The problem in a sentence, with what to do about it.
  public var description: String {
    switch self {
    case .cannotRead(let reason):
      return "cannot be read: \(reason)."
    case .cannotWrite(let reason):
      return "cannot be written: \(reason)."
    case .empty:
      return "the file is empty (0 bytes). It was probably not copied completely; copy it again or remove it."
    case .unknownFormat(let firstBytes):
      let hex = firstBytes.prefix(8).map { String($0, radix: 16, uppercase: true) }.map {
        $0.count == 1 ? "0" + $0 : $0
      }
      let text = firstBytes.prefix(16).allSatisfy {
        (0x20...0x7E).contains($0) || $0 == 0x0A || $0 == 0x0D || $0 == 0x09
      }
      return "not an image file this program knows (it starts with \(hex.joined(separator: " "))"
        + (text && !firstBytes.isEmpty ? ", which looks like text" : "")
        + "). Supported: PNG, JPEG, BMP, PPM, PGM and PBM. Remove the file or convert it to PNG."
    case .unsupportedFormat(let format):
      return
        "a \(format.rawValue) image, which this version cannot decode (it reads PNG, JPEG, BMP, PPM, PGM and PBM). "
        + "Convert it to PNG, for example with `convert in.\(format.fileExtensions[0]) out.png` (ImageMagick)."
    case .truncated(let detail):
      return "the file is cut off (\(detail)). It was probably not copied or downloaded completely; copy it again."
    case .checksumMismatch(let what, let stored, let computed):
      return "the file is damaged: the checksum of \(what) is \(Self.hex(computed)) but the file says "
        + "\(Self.hex(stored)). Copy it again from the original."
    case .corruptCompressedData(let detail):
      return "the compressed image data is damaged (\(detail)). Copy the file again from the original."
    case .invalidHeader(let detail):
      return "the file breaks its format's rules: \(detail). It is damaged or was not written by a proper encoder."
    case .unsupportedFeature(let detail):
      return "uses \(detail), which this program does not handle. Convert the image to a plain 8-bit PNG."
    case .tooLarge(let width, let height, let limit):
      return "the image says it is \(width)×\(height) pixels, more than the \(limit) pixels allowed. "
        + "If that is true, shrink it first; otherwise the file is damaged."
    case .cannotEncode(let detail):
      return "cannot be encoded: \(detail)."
    }
  }

  /// The problem in two or three words, for a list of many files: "cut off", "not an image".
  public var briefDescription: String {
    switch self {
    case .cannotRead: return "cannot be read"
    case .cannotWrite: return "cannot be written"
    case .empty: return "empty"
    case .unknownFormat: return "not an image"
    case .unsupportedFormat(let format): return "\(format.rawValue), not supported"
    case .truncated: return "cut off"
    case .checksumMismatch, .corruptCompressedData: return "damaged"
    case .invalidHeader: return "broken header"
    case .unsupportedFeature: return "unsupported variant"
    case .tooLarge(let width, let height, _): return "too large, \(width)×\(height)"
    case .cannotEncode: return "cannot be encoded"
    }
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: Swift.max(0, 8 - digits.count)) + digits
  }
}
