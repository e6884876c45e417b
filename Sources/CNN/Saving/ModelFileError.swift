import Foundation
import TextEscaping

/// Why a model file could not be saved or loaded.
///
/// Each case holds the path of the file and the facts its message needs; `description` turns
/// them into a message that says what was found, what was expected and what to do.
public enum ModelFileError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The file could not be opened or read.
  case cannotRead(path: String, reason: FileProblem)
  /// The file could not be created, written or put in place.
  case cannotWrite(path: String, reason: FileProblem)
  /// The file holds no bytes at all.
  case empty(path: String)
  /// The file is longer than the reader's limit, so it was left unread.
  case tooLarge(path: String, byteCount: Int, limit: Int)
  /// The file does not start with the model file signature; `firstBytes` are its first bytes.
  case notAModelFile(path: String, firstBytes: [UInt8])
  /// The file has a format version other than the one this code reads.
  case unsupportedVersion(path: String, version: UInt32)
  /// The file ends before the length its contents call for.
  case truncated(path: String, expectedAtLeast: Int, actual: Int)
  /// The checksum at the end of the file does not match the bytes before it.
  case checksumMismatch(path: String, stored: UInt32, computed: UInt32)
  /// The checksum is right but the header is not valid JSON or does not describe the data.
  case malformedHeader(path: String, detail: HeaderProblem)
  /// The checksum is right but more tensor data follows than the header describes.
  case trailingData(path: String, extraBytes: Int)
  /// The file is intact, but the model it describes is malformed or cannot be built.
  case invalidModel(path: String, detail: String)
  /// The model uses a Keras class (a layer, optimizer, loss) this library does not have.
  case unsupported(path: String, className: String, detail: String)
  /// A weight the model needs is not in the file.
  case missingWeights(path: String, name: String)
  /// A weight in the file has another shape than the model's variable.
  case weightShapeMismatch(path: String, name: String, expected: [Int], found: [Int])
  /// A file shared in another library's format (a `.keras` model, a `.weights.h5` or
  /// `.safetensors` weights file) whose `part` (the ZIP archive, `config.json`, the HDF5 or
  /// safetensors data) is damaged, cut off or not what that format holds; `detail` says what was
  /// found.
  case damagedSharedFile(path: String, part: String, detail: String)

  /// What the file system reported when a file could not be read or written.
  public enum FileProblem: Equatable, Sendable {
    /// Nothing exists at the path.
    case notFound
    /// The folder that should hold the file does not exist.
    case folderNotFound
    /// The path names a folder.
    case isAFolder
    /// The path names something other than a regular file, such as a device or a pipe.
    case notARegularFile
    /// The user running the program may not read or write there.
    case permissionDenied
    /// Any other problem, in the operating system's words.
    case system(String)
  }

  /// How a header whose checksum is right still fails to describe the file. `entry` is the
  /// position of a tensor's entry in `"tensors"`, or `nil` for the header itself.
  public enum HeaderProblem: Equatable, Sendable {
    /// The header length at byte 12 reaches past the end of the file.
    case lengthBeyondFile(headerLength: UInt64, fileSize: Int)
    /// The header is longer than the reader's limit, so it was left unparsed.
    case tooLong(byteCount: Int, limit: Int)
    /// The header is not valid JSON.
    case invalidJSON(JSONError)
    /// The header, or an entry of `"tensors"`, is not a JSON object.
    case notAnObject(entry: Int?)
    /// A key that must be present is missing.
    case missingKey(String, entry: Int?)
    /// A key that a version 1 file never holds.
    case unexpectedKey(String, entry: Int?)
    /// A key holds the wrong kind of value.
    case wrongType(key: String, entry: Int?)
    /// `"format"` names another format.
    case wrongFormat(String)
    /// `"version"` differs from the version at byte 8.
    case versionMismatch(header: Int, file: UInt32)
    /// A tensor's shape has a negative size.
    case negativeDimension(name: String, shape: [Int])
    /// A tensor's shape holds more values than an `Int` can count.
    case shapeOverflows(name: String, shape: [Int])
    /// A tensor's count is not the number of values its shape holds.
    case countMismatch(name: String, count: Int, shape: [Int], valuesInShape: Int)
    /// A tensor does not start where the one before it ends (at 0 for the first).
    case offsetMismatch(name: String, offset: Int, expected: Int)
    /// Two tensors have the same name.
    case duplicateName(String)
    /// The tensors, up to and including `name`, hold more bytes than an `Int` can count.
    case dataOverflows(name: String)
    /// The tensor data is shorter than the tensors need.
    case dataTooShort(needed: Int, present: Int)
  }

  /// The problem, what was expected instead, and what to do about it. Paths, and names read from
  /// the file (layers, members, weights), are escaped for the terminal.
  public var description: String {
    message.escapedForTerminal(keepingNewlines: true)
  }

  /// The message, with names as they are.
  private var message: String {
    switch self {
    case .invalidModel, .unsupported, .missingWeights, .weightShapeMismatch:
      return contentDescription
    case .damagedSharedFile(let path, let part, let detail):
      return """
        The file '\(path)' cannot be loaded: its \(part) \(detail). The file is damaged, cut off, \
        or not in the format its name says (a .keras model, a .weights.h5 or .safetensors weights \
        file): ask for it again, or save it again (model.save or save_weights in Keras, save(to:) \
        or saveWeights(to:) here).
        """
    case .cannotRead(let path, let reason):
      return "Cannot read the model file '\(path)': \(reason.readingExplanation)"
    case .cannotWrite(let path, let reason):
      return "Cannot save the model file '\(path)': \(reason.writingExplanation)"
    case .empty(let path):
      return """
        The model file '\(path)' is empty (0 bytes), but a model file holds at least \
        \(ModelFile.minimumByteCount) bytes. Saving it was probably interrupted, or copying it \
        failed: save the model again, or copy the file again.
        """
    case .tooLarge(let path, let byteCount, let limit):
      return """
        The file '\(path)' is \(byteCount) bytes long, more than the limit of \(limit) bytes \
        for a model file, so it was not read. Check that the path names the model you meant; \
        if the model really is this large, raise the limit.
        """
    case .notAModelFile(let path, let firstBytes):
      return notAModelFileDescription(path: path, firstBytes: firstBytes)
    case .unsupportedVersion(let path, let version) where version > ModelFile.version:
      return """
        The model file '\(path)' has format version \(version), but this library reads only \
        version \(ModelFile.version): it was written by a newer version of this program. \
        Update this program to load the file.
        """
    case .unsupportedVersion(let path, let version):
      return """
        The model file '\(path)' has format version \(version), which no version of this \
        library writes (this one writes version \(ModelFile.version)): the file is damaged. Copy \
        it again from the original, or save the model again.
        """
    case .truncated(let path, let expectedAtLeast, let actual):
      return """
        The model file '\(path)' is shorter than its header says: it is \(actual) bytes long, \
        but should be at least \(expectedAtLeast) bytes. It was probably cut off while being \
        copied or downloaded: copy it again.
        """
    case .checksumMismatch(let path, let stored, let computed):
      return """
        The model file '\(path)' is damaged: the checksum stored at its end is \(hex(stored)), \
        but its bytes give \(hex(computed)), so some of them changed after it was saved (a disk \
        or transfer error, or an edit). Copy it again from the original, or save the model again.
        """
    case .malformedHeader(let path, let detail):
      return """
        The model file '\(path)' has a header that does not describe its contents: \
        \(detail.explanation). Its checksum is right, so it was written like this, by another \
        program or by a mistake in this one: save the model again with Model.save.
        """
    case .trailingData(let path, let extraBytes):
      return """
        The model file '\(path)' holds \(extraBytes) bytes of tensor data beyond the tensors its \
        header lists, where a model file holds exactly the data its header describes. Its \
        checksum is right, so it was written like this, probably by another program: save the \
        model again with Model.save.
        """
    }
  }

  /// The message for a file that lacks the signature, naming the kind of file it seems to be.
  private func notAModelFileDescription(path: String, firstBytes: [UInt8]) -> String {
    let opening = """
      The file '\(path)' is not a model file saved by this library: it starts with the bytes \
      \(hexBytes(firstBytes)), where a model file starts with \(hexBytes(ModelFile.signature)) \
      (0x89, "CNNMOD" and a line feed).
      """
    let kerasAdvice = """
      This library loads only the files it saves itself (Model.save, then Model.load); reading \
      Keras files will come in a later version.
      """
    let pathAdvice = "Check that the path names a file written by Model.save."
    let text = firstBytes.drop { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
    let mentionsSignature = firstBytes.indices.contains {
      firstBytes[$0...].starts(with: "CNNMOD".utf8)
    }
    if firstBytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      return "\(opening) It looks like a zip archive, perhaps a Keras .keras file. \(kerasAdvice)"
    } else if firstBytes.starts(with: [0x89, 0x48, 0x44, 0x46]) {
      return "\(opening) It looks like an HDF5 file, perhaps a Keras .h5 file. \(kerasAdvice)"
    } else if firstBytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
      return "\(opening) It looks like a PNG image. \(pathAdvice)"
    } else if firstBytes.starts(with: [0xFF, 0xD8, 0xFF]) {
      return "\(opening) It looks like a JPEG image. \(pathAdvice)"
    } else if mentionsSignature {
      return """
        \(opening) It looks like a model file changed by a transfer that treated it as text: \
        copy it again in binary mode.
        """
    } else if text.first == UInt8(ascii: "{") {
      return """
        \(opening) It looks like JSON text, perhaps a Keras config.json, while a model file is \
        binary and keeps its JSON inside. \(pathAdvice)
        """
    }
    return "\(opening) \(pathAdvice)"
  }
}

/// `value` in hexadecimal with `0x` and eight digits, such as `0xCBF43926`.
func hex(_ value: UInt32) -> String {
  let digits = String(value, radix: 16, uppercase: true)
  return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}

/// `bytes` as two hexadecimal digits each, separated by spaces, such as `89 43 4E`.
func hexBytes(_ bytes: [UInt8]) -> String {
  bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }
    .joined(separator: " ")
}
