/// Parsing: the chunks of a PNG file that decoding needs, checked for the order the
/// specification requires (section 5.6).
///
/// IHDR comes first; PLTE, at most once, before the first IDAT (and required for palette
/// images); tRNS after PLTE and before IDAT; the IDAT chunks one after another; IEND last.
/// Ancillary chunks (lowercase first letter) other than tRNS are skipped, and so is anything
/// after IEND. An unknown critical chunk stops decoding, because the image cannot be shown
/// correctly without understanding it.
struct PNGDatastream {
  /// The IHDR chunk.
  let header: PNGHeader
  /// The PLTE chunk, if any.
  let palette: PNGPalette?
  /// The tRNS chunk, if there is one and it suits the image.
  let transparency: PNGTransparency?
  /// The data of each IDAT chunk, in order: together, one zlib stream. Empty when parsing
  /// stopped at the first IDAT.
  let imageData: [ArraySlice<UInt8>]

  /// Parses the chunks of a PNG file.
  ///
  /// - Parameter stopAtImageData: Stop at the first IDAT chunk, with everything `info` needs.
  /// - Throws: `ImageProblem` for a bad signature, chunk or CRC (see `PNGChunkReader`), chunks
  ///   out of order, missing or repeated, an unknown critical chunk, or a missing IEND.
  init(parsing bytes: [UInt8], stopAtImageData: Bool = false) throws(ImageProblem) {
    var reader = try PNGChunkReader(bytes)
    guard let first = try reader.next() else {
      throw .truncated("the file ends right after the PNG signature, before the IHDR chunk")
    }
    guard first.type == .header else {
      try Self.refuseIfUnknownCritical(first)
      throw .invalidHeader("the first chunk is \(first.type), but a PNG must start with IHDR")
    }
    let header = try PNGHeader(parsing: first.data)
    var palette: PNGPalette?
    var transparency: PNGTransparency?
    var imageData: [ArraySlice<UInt8>] = []
    var imageDataEnded = false  // a chunk other than IDAT has followed the IDAT chunks

    while true {
      // `info` needs nothing from the image data, not even the first IDAT chunk whole.
      if stopAtImageData && reader.peekType() == .imageData {
        try Self.requirePalette(header, palette)
        self.init(header: header, palette: palette, transparency: transparency, imageData: [])
        return
      }
      guard let chunk = try reader.next() else { break }
      switch chunk.type {
      case .header:
        throw .invalidHeader("a second IHDR chunk at byte \(chunk.offset)")
      case .palette:
        guard imageData.isEmpty else { throw .invalidHeader("the PLTE chunk comes after IDAT") }
        guard palette == nil else { throw .invalidHeader("a second PLTE chunk at byte \(chunk.offset)") }
        guard header.colorType != .gray && header.colorType != .grayAlpha else {
          throw .invalidHeader("a PLTE chunk in a \(header.colorType.name) image, which has no use for one")
        }
        palette = try PNGPalette(parsing: chunk.data)
      case .transparency:
        // Only the first tRNS counts, and only before the image data, as in libpng.
        if imageData.isEmpty && transparency == nil {
          transparency = PNGTransparency(
            parsing: chunk.data, colorType: header.colorType, paletteCount: palette?.count)
        }
      case .imageData:
        guard !imageDataEnded else {
          throw .invalidHeader("the IDAT chunk at byte \(chunk.offset) is separated from the IDAT chunks before it")
        }
        try Self.requirePalette(header, palette)
        imageData.append(chunk.data)
      case .end:
        guard !imageData.isEmpty else {
          throw .invalidHeader("there is no IDAT chunk, so the file holds no pixels")
        }
        self.init(header: header, palette: palette, transparency: transparency, imageData: imageData)
        return
      default:
        try Self.refuseIfUnknownCritical(chunk)
      }
      if chunk.type != .imageData && !imageData.isEmpty {
        imageDataEnded = true
      }
    }
    throw .truncated(
      imageData.isEmpty
        ? "the file ends before its first IDAT chunk" : "the file ends after its IDAT chunks, before the IEND chunk")
  }

  /// Creates a datastream from parsed parts.
  init(header: PNGHeader, palette: PNGPalette?, transparency: PNGTransparency?, imageData: [ArraySlice<UInt8>]) {
    self.header = header
    self.palette = palette
    self.transparency = transparency
    self.imageData = imageData
  }

  /// The number of channels the decoded image has: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA; tRNS
  /// adds an alpha channel, and a palette image decodes to RGB or RGBA.
  var outputChannelCount: Int {
    let alpha = transparency == nil ? 0 : 1
    switch header.colorType {
    case .gray: return 1 + alpha
    case .grayAlpha: return 2
    case .rgb, .palette: return 3 + alpha
    case .rgba: return 4
    }
  }

  /// The IDAT chunks' data joined into one zlib stream.
  func joinedImageData() -> [UInt8] {
    guard imageData.count != 1 else { return Array(imageData[0]) }
    var joined: [UInt8] = []
    joined.reserveCapacity(imageData.reduce(0) { $0 + $1.count })
    for piece in imageData {
      joined.append(contentsOf: piece)
    }
    return joined
  }

  // MARK: - Private helpers

  /// Throws `invalidHeader` if a palette image has reached its image data without a palette.
  private static func requirePalette(_ header: PNGHeader, _ palette: PNGPalette?) throws(ImageProblem) {
    if header.colorType == .palette && palette == nil {
      throw .invalidHeader("a palette image without a PLTE chunk before its image data")
    }
  }

  /// Throws `unsupportedFeature` for a critical chunk this decoder does not know.
  private static func refuseIfUnknownCritical(_ chunk: PNGChunk) throws(ImageProblem) {
    let known: [PNGChunkType] = [.header, .palette, .imageData, .end]
    guard chunk.type.isCritical && !known.contains(chunk.type) else { return }
    let apple = chunk.type == PNGChunkType("CgBI") ? " (Apple's iOS-optimised PNG variant)" : ""
    throw .unsupportedFeature(
      "an unknown critical chunk \(chunk.type)\(apple) at byte \(chunk.offset), without which the image cannot be read")
  }
}
