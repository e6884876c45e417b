import Foundation

extension ModelFileError.FileProblem {
  /// The problem behind the POSIX error number `code`, met while reading or writing a file.
  package static func fromErrorNumber(_ code: Int32, writing: Bool) -> Self {
    switch code {
    case ENOENT, ENOTDIR: return writing ? .folderNotFound : .notFound
    case EISDIR: return .isAFolder
    case EACCES, EPERM, EROFS: return .permissionDenied
    default: return .system(String(cString: strerror(code)))
    }
  }

  /// What went wrong while reading, and what to do.
  var readingExplanation: String {
    switch self {
    case .notFound, .folderNotFound:
      return """
        there is no file at that path. Check the spelling, and that a relative path starts from \
        the folder the program runs in.
        """
    case .isAFolder:
      return "it is a folder, not a file. Give the path of the model file inside it."
    case .notARegularFile:
      return """
        it is not a regular file (it may be a device, a pipe or a socket). Give the path of a \
        file written by Model.save.
        """
    case .permissionDenied:
      return """
        you are not allowed to read it. Change its permissions, or run the program as a user \
        who may read it.
        """
    case .system(let message):
      return "the system reported \"\(message)\". Check that the file can be read, then try again."
    }
  }

  /// What went wrong while writing, and what to do.
  var writingExplanation: String {
    switch self {
    case .notFound, .folderNotFound:
      return "the folder it should go in does not exist. Create the folder, or save elsewhere."
    case .isAFolder:
      return "a folder is at that path. Add a file name to the path."
    case .notARegularFile:
      return "something other than a regular file is at that path. Choose another path."
    case .permissionDenied:
      return """
        you are not allowed to write there. Save in a folder you may write to, or change the \
        folder's permissions.
        """
    case .system(let message):
      return """
        the system reported "\(message)". Check that the disk has room and the folder can be \
        written to, then save again.
        """
    }
  }
}

extension ModelFileError.HeaderProblem {
  /// The problem in words, without a final full stop.
  var explanation: String {
    switch self {
    case .lengthBeyondFile(let headerLength, let fileSize):
      return "its header length is \(headerLength) bytes, but the whole file is \(fileSize) bytes"
    case .tooLong(let byteCount, let limit):
      return "its header is \(byteCount) bytes long, more than the limit of \(limit) bytes"
    case .invalidJSON(let error):
      let text = error.description
      return
        "the header is not valid JSON (\(text.hasSuffix(".") ? String(text.dropLast()) : text))"
    case .notAnObject(let entry):
      return "\(Self.place(entry)) is not a JSON object"
    case .missingKey(let key, let entry):
      return "\(Self.place(entry)) has no \"\(key)\" key"
    case .unexpectedKey(let key, let entry):
      return "\(Self.place(entry)) has a \"\(key)\" key, unknown in version 1"
    case .wrongType(let key, let entry):
      return "\"\(key)\" in \(Self.place(entry)) is not \(Self.kind(of: key))"
    case .wrongFormat(let format):
      return "\"format\" is \"\(format)\" instead of \"\(ModelFile.formatName)\""
    case .versionMismatch(let header, let file):
      return "\"version\" is \(header), but the version at byte 8 is \(file)"
    case .negativeDimension(let name, let shape):
      return "tensor \"\(name)\" has a negative size in its shape \(shape)"
    case .shapeOverflows(let name, let shape):
      return
        "tensor \"\(name)\" has shape \(shape), which holds more values than a program can count"
    case .countMismatch(let name, let count, let shape, let valuesInShape):
      return """
        tensor "\(name)" has a count of \(count), but its shape \(shape) holds \(valuesInShape) \
        values
        """
    case .offsetMismatch(let name, let offset, let expected):
      return """
        tensor "\(name)" starts at offset \(offset) instead of \(expected), where the tensor \
        before it ends (tensors follow one another with no gap and no overlap)
        """
    case .duplicateName(let name):
      return "two tensors are named \"\(name)\""
    case .dataOverflows(let name):
      return "the tensors up to \"\(name)\" hold more values than a program can count"
    case .dataTooShort(let needed, let present):
      return "the tensors need \(needed) bytes of data, but the file holds only \(present)"
    }
  }

  /// Names the header (`entry == nil`) or an entry of its `"tensors"` array.
  private static func place(_ entry: Int?) -> String {
    guard let entry else { return "the header" }
    return "entry \(entry) of \"tensors\" (counting from 0)"
  }

  /// The kind of value `key` must hold.
  private static func kind(of key: String) -> String {
    switch key {
    case "format", "name": return "a string"
    case "tensors": return "an array"
    case "shape": return "an array of integers"
    default: return "an integer"
    }
  }
}
