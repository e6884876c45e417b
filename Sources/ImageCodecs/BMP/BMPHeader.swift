// The headers of a Windows bitmap (BMP), all little-endian:
//
//     offset 0   file header, 14 bytes: "BM", file size, 2 reserved words, bfOffBits (where
//                the pixel data starts)
//     offset 14  info header, its size first:
//                 12  BITMAPCOREHEADER (OS/2 1.x): 16-bit width and height, planes, bits per pixel
//                 40  BITMAPINFOHEADER: 32-bit signed width and height (negative height means the
//                     rows run top-down), planes, bits per pixel, compression, image size,
//                     resolution, colours used, colours important
//                 52  V2: + red, green and blue masks        56  V3: + alpha mask
//                108  V4: + colour space                    124  V5: + ICC profile (both ignored)
//                then, with BI_BITFIELDS (ALPHABITFIELDS) after a 40-byte header, 3 (4) masks
//     then       the palette for 1, 4 and 8 bits per pixel: B, G, R (and a reserved byte, except
//                after a core header)
//     bfOffBits  the pixel data

/// What the headers of a BMP file say: size, row order, pixel format and where the pixels are.
struct BMPHeader: Equatable {
  /// How the pixel data is stored.
  enum Compression: Equatable {
    /// Rows of pixels, each padded to a multiple of 4 bytes (BI_RGB, BI_BITFIELDS).
    case none
    /// Run-length encoded 8-bit indices (BI_RLE8).
    case runLength8
    /// Run-length encoded 4-bit indices (BI_RLE4).
    case runLength4
  }

  /// How a pixel's bits become a colour.
  enum PixelFormat: Equatable {
    /// 1, 4 or 8 bits of palette index.
    case palette(BMPPalette)
    /// 16, 24 or 32 bits cut into channels by masks (fixed ones for BI_RGB).
    case bitfields(BMPBitfields, isExplicit: Bool)
  }

  /// The number of columns, at least 1.
  let width: Int
  /// The number of rows, at least 1.
  let height: Int
  /// Whether the first stored row is the top one (negative height); BMP rows normally run bottom-up.
  let isTopDown: Bool
  /// 1, 4, 8, 16, 24 or 32.
  let bitsPerPixel: Int
  /// How the pixel data is stored.
  let compression: Compression
  /// How a pixel's bits become a colour.
  let pixelFormat: PixelFormat
  /// The size of the info header: 12, 40, 52, 56, 108 or 124.
  let infoHeaderSize: Int
  /// bfOffBits: where the pixel data starts, at most the file's length.
  let pixelOffset: Int

  /// The number of channels the decoded image has: 4 when bitfields include an alpha mask, else 3.
  var channels: Int {
    if case .bitfields(let masks, _) = pixelFormat, masks.hasAlpha { return 4 }
    return 3
  }

  /// The bytes one stored row takes, padding to a multiple of 4 included.
  var rowStride: Int { (width * bitsPerPixel + 31) / 32 * 4 }

  /// Reads the file header, the info header, any masks and the palette.
  ///
  /// - Throws: `truncated` when the file ends inside them or before bfOffBits; `invalidHeader`
  ///   for a missing signature, an unknown header size, a size of zero, a bit depth BMP does not
  ///   have or a compression that does not fit it; `unsupportedFeature` for JPEG or PNG inside
  ///   the BMP, other compressions, OS/2 2.x headers and non-contiguous masks.
  init(parsing bytes: [UInt8]) throws(ImageProblem) {
    guard bytes.count >= 18 else {
      throw .truncated("the file has \(bytes.count) bytes, fewer than the 18 of the smallest BMP header")
    }
    guard bytes[0] == UInt8(ascii: "B"), bytes[1] == UInt8(ascii: "M") else {
      throw .invalidHeader("a BMP file starts with the letters BM")
    }
    infoHeaderSize = Int(Self.uint32(bytes, at: 14))
    guard [12, 40, 52, 56, 108, 124].contains(infoHeaderSize) else {
      if infoHeaderSize == 64 { throw .unsupportedFeature("the OS/2 2.x bitmap header (64 bytes)") }
      throw .invalidHeader(
        "the info header says it is \(infoHeaderSize) bytes long; BMP headers are 12, 40, 52, 56, 108 or 124")
    }
    guard bytes.count >= 14 + infoHeaderSize else {
      throw .truncated("the file ends inside its \(infoHeaderSize)-byte info header")
    }
    let signedHeight: Int
    let compressionCode: UInt32
    if infoHeaderSize == 12 {
      width = Int(Self.uint16(bytes, at: 18))
      signedHeight = Int(Self.uint16(bytes, at: 20))
      bitsPerPixel = Int(Self.uint16(bytes, at: 24))
      compressionCode = 0
    } else {
      width = Int(Int32(bitPattern: Self.uint32(bytes, at: 18)))
      signedHeight = Int(Int32(bitPattern: Self.uint32(bytes, at: 22)))
      bitsPerPixel = Int(Self.uint16(bytes, at: 28))
      compressionCode = Self.uint32(bytes, at: 30)
    }
    height = abs(signedHeight)
    isTopDown = signedHeight < 0
    guard width > 0, height > 0 else { throw .invalidHeader("the image is \(width)×\(signedHeight) pixels") }
    guard [1, 4, 8, 16, 24, 32].contains(bitsPerPixel) else {
      throw .invalidHeader("it has \(bitsPerPixel) bits per pixel; BMP has 1, 4, 8, 16, 24 or 32")
    }
    compression = try Self.compression(compressionCode, bitsPerPixel: bitsPerPixel)
    if bitsPerPixel <= 8 {
      pixelFormat = .palette(try Self.palette(bytes, infoHeaderSize: infoHeaderSize, bitsPerPixel: bitsPerPixel))
    } else if compressionCode == 3 || compressionCode == 6 {
      let masks = try Self.masks(bytes, infoHeaderSize: infoHeaderSize, count: compressionCode == 6 ? 4 : 3)
      pixelFormat = .bitfields(masks, isExplicit: true)
    } else {
      pixelFormat = .bitfields(.implied(bitsPerPixel: bitsPerPixel), isExplicit: false)
    }
    pixelOffset = Int(Self.uint32(bytes, at: 10))
    guard pixelOffset >= 14 + infoHeaderSize else {
      throw .invalidHeader("the pixel data starts at byte \(pixelOffset), inside the headers")
    }
    guard pixelOffset <= bytes.count else {
      throw .truncated("the pixel data should start at byte \(pixelOffset), but the file has \(bytes.count) bytes")
    }
  }

  // MARK: - Private helpers

  /// The compression for BMP's code, checked against the bit depth.
  private static func compression(_ code: UInt32, bitsPerPixel: Int) throws(ImageProblem) -> Compression {
    switch code {
    case 0:
      return .none
    case 1, 2:
      let (name, bits) = code == 1 ? ("RLE8", 8) : ("RLE4", 4)
      guard bitsPerPixel == bits else {
        throw .invalidHeader("\(name) compression needs \(bits) bits per pixel, not \(bitsPerPixel)")
      }
      return code == 1 ? .runLength8 : .runLength4
    case 3, 6:
      guard bitsPerPixel >= 16 else {
        throw .invalidHeader("bitfields need 16, 24 or 32 bits per pixel, not \(bitsPerPixel)")
      }
      return .none
    case 4: throw .unsupportedFeature("a JPEG image inside a BMP file")
    case 5: throw .unsupportedFeature("a PNG image inside a BMP file")
    default: throw .unsupportedFeature("BMP compression type \(code)")
    }
  }

  /// The colour masks: inside a V2 or later header, or right after a 40-byte one.
  private static func masks(_ bytes: [UInt8], infoHeaderSize: Int, count: Int) throws(ImageProblem) -> BMPBitfields {
    let start = 14 + 40
    let available = infoHeaderSize >= 56 ? 4 : infoHeaderSize == 52 ? 3 : count
    guard bytes.count >= start + 4 * available else { throw .truncated("the file ends inside its colour masks") }
    var masks: [BMPChannelMask] = []
    for index in 0..<4 {
      let value = index < available ? uint32(bytes, at: start + 4 * index) : 0
      guard let mask = BMPChannelMask(value) else {
        throw .unsupportedFeature("a bitfield mask whose bits are not contiguous (0x\(String(value, radix: 16)))")
      }
      masks.append(mask)
    }
    return BMPBitfields(red: masks[0], green: masks[1], blue: masks[2], alpha: masks[3])
  }

  /// The palette after the info header: "colours used" entries, or 2^bits when that is 0 (or
  /// more than the indices can reach).
  private static func palette(_ bytes: [UInt8], infoHeaderSize: Int, bitsPerPixel: Int) throws(ImageProblem)
    -> BMPPalette
  {
    let reachable = 1 << bitsPerPixel
    let used = infoHeaderSize == 12 ? 0 : Int(uint32(bytes, at: 46))
    let count = used == 0 || used > reachable ? reachable : used
    let entrySize = infoHeaderSize == 12 ? 3 : 4
    let start = 14 + infoHeaderSize
    guard bytes.count >= start + count * entrySize else {
      throw .truncated("the file ends inside its palette of \(count) colours")
    }
    return BMPPalette(bytes, start: start, count: count, entrySize: entrySize)
  }

  /// The little-endian 16-bit number at `offset`; the caller has checked the bytes exist.
  static func uint16(_ bytes: [UInt8], at offset: Int) -> UInt16 {
    UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
  }

  /// The little-endian 32-bit number at `offset`; the caller has checked the bytes exist.
  static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(uint16(bytes, at: offset)) | UInt32(uint16(bytes, at: offset + 2)) << 16
  }
}
