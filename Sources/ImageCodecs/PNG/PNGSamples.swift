/// Turns unfiltered scanlines, whose samples have the file's bit depth, into the 8-bit pixels of
/// an `Image`, the way libpng does with `png_set_expand`, `png_set_tRNS_to_alpha` and
/// `png_set_strip_16`.
///
/// - Samples smaller than a byte are packed most significant bit first. A gray sample of depth
///   d becomes value × 255 / (2^d − 1), so that white stays 255.
/// - A 16-bit sample keeps its high byte.
/// - A palette index becomes its entry's red, green and blue, plus its tRNS alpha (255 when the
///   tRNS chunk has none for it) if there is a tRNS chunk.
/// - With a tRNS colour, gray and RGB gain an alpha channel: 0 where the pixel's samples equal
///   that colour at the file's bit depth (before scaling), 255 elsewhere.
struct PNGSampleExpander {
  /// The image's header.
  let header: PNGHeader
  /// The samples per output pixel: 1 to 4.
  let outputChannelCount: Int
  /// Red, green, blue and alpha of every palette entry (empty unless a palette image).
  private let paletteRGBA: [UInt8]
  /// The transparent colour's samples at the file's bit depth (1 for gray, 3 for RGB), if any.
  private let transparentSamples: [Int]?

  /// Creates an expander for the image a datastream describes.
  init(_ datastream: PNGDatastream) {
    self.header = datastream.header
    self.outputChannelCount = datastream.outputChannelCount
    var paletteRGBA: [UInt8] = []
    if header.colorType == .palette, let palette = datastream.palette {
      var alphas: [UInt8] = []
      if case .palette(let tRNSAlphas) = datastream.transparency { alphas = tRNSAlphas }
      for entry in 0..<palette.count {
        paletteRGBA += palette.rgb[(entry * 3)..<(entry * 3 + 3)]
        paletteRGBA.append(entry < alphas.count ? alphas[entry] : 255)
      }
    }
    self.paletteRGBA = paletteRGBA
    switch datastream.transparency {
    case .gray(let gray): transparentSamples = [Int(gray)]
    case .rgb(let red, let green, let blue): transparentSamples = [Int(red), Int(green), Int(blue)]
    default: transparentSamples = nil
    }
  }

  /// Expands the `pixelCount` pixels of the unfiltered scanline that starts at `data[start]`
  /// into `pixels`: pixel `i` goes to pixel number `firstPixel + i · pixelStep` of the image.
  ///
  /// - Parameter rowName: Describes the row in error messages, such as "row 12".
  /// - Throws: `ImageProblem.invalidHeader` for a palette index past the end of the palette.
  func expandRow(
    _ data: [UInt8], at start: Int, pixelCount: Int, into pixels: inout [UInt8], firstPixel: Int, pixelStep: Int,
    rowName: @autoclosure () -> String
  ) throws(ImageProblem) {
    let channels = outputChannelCount
    if header.colorType == .palette {
      let depth = header.bitDepth
      let paletteCount = paletteRGBA.count / 4
      for x in 0..<pixelCount {
        let index = Self.packedSample(data, at: start, index: x, depth: depth)
        guard index < paletteCount else {
          throw .invalidHeader(
            "palette index \(index) in \(rowName()), column \(x) of its pass, but the palette has \(paletteCount) entries"
          )
        }
        let target = (firstPixel + x * pixelStep) * channels
        for channel in 0..<channels {
          pixels[target + channel] = paletteRGBA[index * 4 + channel]
        }
      }
    } else if transparentSamples == nil && header.bitDepth == 8 {
      if pixelStep == 1 {
        let count = pixelCount * channels
        pixels.replaceSubrange(firstPixel * channels..<firstPixel * channels + count, with: data[start..<start + count])
      } else {
        for x in 0..<pixelCount {
          let target = (firstPixel + x * pixelStep) * channels
          for channel in 0..<channels {
            pixels[target + channel] = data[start + x * channels + channel]
          }
        }
      }
    } else if transparentSamples == nil && header.bitDepth == 16 {
      for x in 0..<pixelCount {
        let target = (firstPixel + x * pixelStep) * channels
        for channel in 0..<channels {
          pixels[target + channel] = data[start + (x * channels + channel) * 2]
        }
      }
    } else {
      expandRowSampleBySample(
        data, at: start, pixelCount: pixelCount, into: &pixels, firstPixel: firstPixel,
        pixelStep: pixelStep)
    }
  }

  /// Expands a row of a gray, gray+alpha, RGB or RGBA image of any bit depth, one sample at a
  /// time. The plain version of `expandRow`, which uses it for sub-byte gray and tRNS colours;
  /// tests check the other paths against it.
  func expandRowSampleBySample(
    _ data: [UInt8], at start: Int, pixelCount: Int, into pixels: inout [UInt8], firstPixel: Int, pixelStep: Int
  ) {
    let depth = header.bitDepth
    let samplesPerPixel = header.colorType.samplesPerPixel
    let largest = (1 << depth) - 1
    var samples = [Int](repeating: 0, count: samplesPerPixel)
    for x in 0..<pixelCount {
      for channel in 0..<samplesPerPixel {
        samples[channel] = Self.packedSample(data, at: start, index: x * samplesPerPixel + channel, depth: depth)
      }
      let target = (firstPixel + x * pixelStep) * outputChannelCount
      for channel in 0..<samplesPerPixel {
        pixels[target + channel] = UInt8(depth == 16 ? samples[channel] >> 8 : samples[channel] * 255 / largest)
      }
      if let transparentSamples {
        pixels[target + samplesPerPixel] = samples == transparentSamples ? 0 : 255
      }
    }
  }

  /// Returns sample number `index` of the scanline at `data[start]`, for samples of `depth`
  /// bits: several to a byte, most significant first, when `depth` is below 8; two bytes, most
  /// significant first, when it is 16.
  @inline(__always)
  static func packedSample(_ data: [UInt8], at start: Int, index: Int, depth: Int) -> Int {
    switch depth {
    case 8:
      return Int(data[start + index])
    case 16:
      return Int(data[start + 2 * index]) << 8 | Int(data[start + 2 * index + 1])
    default:
      let bit = index * depth
      let shift = 8 - depth - (bit & 7)
      return Int(data[start + (bit >> 3)] >> UInt8(shift)) & ((1 << depth) - 1)
    }
  }
}
