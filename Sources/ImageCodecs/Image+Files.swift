import Foundation

// Reading and writing image files: the format is found from the bytes (never from the name),
// then the matching codec decodes them. All errors name the file.

extension Image {
  /// The longest file `init(contentsOf:)` reads: 512 MB, far beyond any real photograph.
  public static let maximumFileSize = 512 * 1024 * 1024

  /// Reads and decodes the image file at `path` (PNG, JPEG, BMP, PPM, PGM or PBM, recognised by its
  /// first bytes, whatever its name).
  ///
  ///     let cat = try Image(contentsOf: "Datasets/photos/chelsea.png")
  ///     (cat.width, cat.height, cat.channels)   // (451, 300, 3)
  ///
  /// - Parameters:
  ///   - targetSize: the size the caller will shrink the picture to, if known. A JPEG at least
  ///     twice as large is then decoded at 1/2, 1/4 or 1/8 of its size (never below
  ///     `targetSize`), which is several times faster; other formats ignore it.
  ///   - usesExifOrientation: turn the picture upright as its EXIF orientation tag says, as a
  ///     photo viewer does. Keras ignores the tag, hence the default.
  ///   - limits: the largest image accepted.
  /// - Throws: `ImageDecodingError` naming the file and the problem: missing, empty, cut off,
  ///   damaged, too large, or a format this version does not decode.
  public init(
    contentsOf path: String, reducedFor targetSize: ImageSize? = nil, usesExifOrientation: Bool = false,
    limits: DecodingLimits = .standard
  ) throws(ImageDecodingError) {
    try self.init(
      decoding: try Image.readBytes(path), path: path, reducedFor: targetSize, usesExifOrientation: usesExifOrientation,
      limits: limits)
  }

  /// Decodes an image file's bytes; `path` names them in error messages. The other parameters
  /// are `init(contentsOf:reducedFor:usesExifOrientation:limits:)`'s.
  ///
  /// - Throws: `ImageDecodingError` naming `path` and the problem.
  public init(
    decoding bytes: [UInt8], path: String = "the image data", reducedFor targetSize: ImageSize? = nil,
    usesExifOrientation: Bool = false, limits: DecodingLimits = .standard
  ) throws(ImageDecodingError) {
    do {
      let codec = try Image.codec(for: bytes)
      let orientation = usesExifOrientation ? codec.orientation(in: bytes) : nil
      // The target is upright; the stored picture may lie on its side.
      let storedTarget = orientation?.swapsWidthAndHeight == true ? targetSize?.transposed : targetSize
      let image = try codec.decode(bytes, limits: limits, reducedFor: storedTarget)
      self = orientation.map { image.applying($0) } ?? image
    } catch {
      throw ImageDecodingError(path: path, problem: error)
    }
  }

  /// Returns what the header of the image file at `path` says, without decoding its pixels.
  ///
  /// Only the file's first 64 KiB are read, where headers sit, so surveying a thousand photos is
  /// quick; a JPEG whose size follows longer metadata is then read whole.
  ///
  /// - Throws: `ImageDecodingError` naming the file and the problem.
  public static func info(contentsOf path: String) throws(ImageDecodingError) -> ImageInfo {
    if let head = try? readBytes(path, upTo: 64 * 1024), let info = try? info(of: head, path: path) { return info }
    return try info(of: try readBytes(path), path: path)
  }

  /// Returns what an image file's header says; `path` names it in error messages.
  ///
  /// - Throws: `ImageDecodingError` naming `path` and the problem.
  public static func info(of bytes: [UInt8], path: String = "the image data") throws(ImageDecodingError) -> ImageInfo {
    do {
      let codec = try codec(for: bytes)
      var info = try codec.info(bytes)
      info.orientation = codec.orientation(in: bytes)
      return info
    } catch {
      throw ImageDecodingError(path: path, problem: error)
    }
  }

  /// Returns the image encoded as `format`: PNG (8-bit gray, gray+alpha, RGB or RGBA, compressed),
  /// JPEG (at `jpegData()`'s default quality, 90; alpha dropped), PGM (gray) or PPM (RGB).
  ///
  /// - Throws: `ImageProblem.cannotEncode` when the format cannot hold this image's channels or
  ///   size, or the image has no pixels.
  public func encoded(as format: ImageFormat) throws(ImageProblem) -> [UInt8] {
    guard width > 0 && height > 0 else {
      throw .cannotEncode("the image is \(width)×\(height) pixels, and an image file holds at least one pixel")
    }
    switch format {
    case .png: return PNGEncoder.encode(self)
    case .jpeg:
      guard width <= 65_535 && height <= 65_535 else {
        throw .cannotEncode("the image is \(width)×\(height) pixels, and a JPEG holds at most 65535×65535")
      }
      return jpegData()
    case .ppm, .pgm: return try PNMCodec.encode(self, as: format)
    default: throw .cannotEncode("this program writes PNG, JPEG, PPM and PGM, not \(format.rawValue)")
    }
  }

  /// Writes the image to `path`, in the format its extension names (`.png`, `.jpg` or `.jpeg`,
  /// `.ppm`, `.pgm`).
  ///
  /// - Throws: `ImageDecodingError` naming the file when the extension is unknown, the image does
  ///   not fit the format, or the file cannot be written.
  public func write(to path: String) throws(ImageDecodingError) {
    let fileExtension = (path as NSString).pathExtension.lowercased()
    guard let format = ImageFormat.allCases.first(where: { $0.fileExtensions.contains(fileExtension) }) else {
      throw ImageDecodingError(
        path: path,
        problem: .cannotEncode("the file name should end in .png, .jpg, .ppm or .pgm, to say which format to write"))
    }
    let bytes: [UInt8]
    do {
      bytes = try encoded(as: format)
    } catch {
      throw ImageDecodingError(path: path, problem: error)
    }
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw ImageDecodingError(path: path, problem: .cannotWrite(Self.reasonWritingFailed(at: path)))
    }
  }

  /// Why a file could not be written at `path`, in words that say what to do: Foundation's own
  /// message ("The operation could not be completed. The file doesn’t exist.") names neither the
  /// folder nor the fix.
  private static func reasonWritingFailed(at path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let shownFolder = folder.isEmpty ? "the current folder" : "the folder \(folder)"
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      return "it is a folder; give a file name inside it, such as \(path)/image.png"
    }
    guard folder.isEmpty || FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
      return "\(shownFolder) does not exist; create it first (mkdir -p \(folder))"
    }
    guard isFolder.boolValue || folder.isEmpty else { return "\(folder) is a file, not a folder" }
    guard FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) else {
      return "you may not write in \(shownFolder); choose another place"
    }
    return "the disk may be full or the file locked by another program"
  }

  /// The codec for the format the bytes start with, or the problem if there is none.
  private static func codec(for bytes: [UInt8]) throws(ImageProblem) -> ImageCodec.Type {
    guard !bytes.isEmpty else { throw .empty }
    guard let format = ImageFormat(detecting: bytes) else { throw .unknownFormat(firstBytes: Array(bytes.prefix(16))) }
    guard let codec = format.codec else { throw .unsupportedFormat(format) }
    return codec
  }

  /// Every byte of the file at `path` (or its first `limit` bytes), after checking it is a regular
  /// file of a sensible size.
  private static func readBytes(_ path: String, upTo limit: Int? = nil) throws(ImageDecodingError) -> [UInt8] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw ImageDecodingError(path: path, problem: .cannotRead("there is no such file"))
    }
    guard !isFolder.boolValue else {
      throw ImageDecodingError(path: path, problem: .cannotRead("it is a folder, not a file"))
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size <= maximumFileSize else {
      throw ImageDecodingError(
        path: path,
        problem: .cannotRead("it is \(size) bytes long, more than the \(maximumFileSize) allowed for an image"))
    }
    let contents: Data?
    if let limit, let file = FileHandle(forReadingAtPath: path) {
      defer { try? file.close() }
      // `read(upToCount:)` gives nil for an empty file.
      contents = (try? file.read(upToCount: limit)) ?? Data()
    } else {
      contents = limit == nil ? FileManager.default.contents(atPath: path) : nil
    }
    guard let data = contents else {
      throw ImageDecodingError(
        path: path, problem: .cannotRead("the file exists but could not be opened (permissions?)"))
    }
    return [UInt8](data)
  }
}

/// What each format's decoder provides.
protocol ImageCodec {
  /// Reads the header: size, channels, bit depth.
  static func info(_ bytes: [UInt8]) throws(ImageProblem) -> ImageInfo
  /// Decodes the whole image to 8-bit samples, refusing sizes beyond `limits` before allocating.
  static func decode(_ bytes: [UInt8], limits: DecodingLimits) throws(ImageProblem) -> Image
  /// Decodes the image, at a reduced size no smaller than `targetSize` where the format allows
  /// that cheaply; by default at full size.
  static func decode(_ bytes: [UInt8], limits: DecodingLimits, reducedFor targetSize: ImageSize?)
    throws(ImageProblem) -> Image
  /// The EXIF orientation the file records, or nil; by default nil.
  static func orientation(in bytes: [UInt8]) -> ExifOrientation?
}

extension ImageCodec {
  static func decode(_ bytes: [UInt8], limits: DecodingLimits, reducedFor targetSize: ImageSize?)
    throws(ImageProblem) -> Image
  {
    try decode(bytes, limits: limits)
  }

  static func orientation(in bytes: [UInt8]) -> ExifOrientation? { nil }
}
