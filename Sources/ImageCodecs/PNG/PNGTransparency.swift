/// What a PNG's tRNS chunk says is transparent, for images without an alpha channel.
///
/// Decoding turns it into an alpha channel, as libpng does with `png_set_tRNS_to_alpha`: a gray
/// image becomes gray+alpha, an RGB or palette image RGBA.
enum PNGTransparency: Equatable {
  /// Pixels of this gray value, at the file's bit depth, are transparent; all others opaque.
  case gray(UInt16)
  /// Pixels of this colour, at the file's bit depth, are transparent; all others opaque.
  case rgb(UInt16, UInt16, UInt16)
  /// The alpha of the first `alphas.count` palette entries; the rest are opaque (255).
  case palette(alphas: [UInt8])

  /// Reads a tRNS chunk, or returns nil for one that breaks the rules, which is then ignored,
  /// as libpng ignores it: the wrong length for the colour type, more alphas than palette
  /// entries, or an image that already has an alpha channel.
  init?(parsing data: ArraySlice<UInt8>, colorType: PNGHeader.ColorType, paletteCount: Int?) {
    let values = stride(from: data.startIndex, to: data.endIndex - 1, by: 2).map {
      UInt16(data[$0]) << 8 | UInt16(data[$0 + 1])
    }
    switch colorType {
    case .gray where data.count == 2:
      self = .gray(values[0])
    case .rgb where data.count == 6:
      self = .rgb(values[0], values[1], values[2])
    case .palette:
      guard let paletteCount, (1...paletteCount).contains(data.count) else { return nil }
      self = .palette(alphas: Array(data))
    default:
      return nil
    }
  }
}
