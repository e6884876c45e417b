// Colour conversion to RGB, with libjpeg's integer arithmetic (jdcolor.c) so that results match
// djpeg exactly:
//   R = Y + 1.402 (Cr − 128)
//   G = Y − 0.344136 (Cb − 128) − 0.714136 (Cr − 128)
//   B = Y + 1.772 (Cb − 128)
// with each product in 16-bit fixed point, rounded as libjpeg's tables round it.
//
// Four-component Adobe files store inverted CMYK (Photoshop writes 255 for no ink), or YCCK,
// whose first three components are YCbCr of the inverted C, M, Y. Both become RGB the way
// libjpeg-turbo's djpeg writes CMYK to a PPM (cmyk.h, `cmyk_to_rgb`): R = C·K/255, G = M·K/255,
// B = Y·K/255 on the stored (inverted) values, rounded to nearest. Pillow's CMYK→RGB gives the
// same numbers: it inverts on load, then computes (255 − C)(255 − K)/255.

/// How the components of a file are turned into RGB or gray samples.
enum JPEGColorTransform: String {
  /// One component: the samples are gray levels.
  case gray
  /// Three components in JFIF's YCbCr.
  case yCbCr = "YCbCr"
  /// Three components that are already R, G, B (Adobe transform 0, or IDs 'R', 'G', 'B').
  case rgb = "RGB"
  /// Four components of inverted CMYK (Adobe).
  case cmyk = "CMYK"
  /// Four components of YCbCr plus inverted K (Adobe transform 2).
  case ycck = "YCCK"

  /// The number of channels of the decoded image: 1 for gray, 3 (RGB) otherwise.
  var outputChannels: Int { self == .gray ? 1 : 3 }

  /// Writes `rowCount` rows of `width` interleaved output pixels into `pixels` from output row
  /// `outputRow`, reading each plane from its row `firstRows[i]` (rows `stride` apart).
  func convert(
    _ planes: [JPEGPlane], firstRows: [Int], width: Int, rowCount: Int, into pixels: inout [UInt8], outputRow: Int
  ) {
    let starts = zip(planes, firstRows).map { $0.stride * $1 } + [0, 0, 0]
    let strides = planes.map(\.stride) + [0, 0, 0]
    let empty: [UInt8] = []
    (planes.count > 0 ? planes[0].samples : empty).withUnsafeBufferPointer { p0 in
      (planes.count > 1 ? planes[1].samples : empty).withUnsafeBufferPointer { p1 in
        (planes.count > 2 ? planes[2].samples : empty).withUnsafeBufferPointer { p2 in
          (planes.count > 3 ? planes[3].samples : empty).withUnsafeBufferPointer { p3 in
            pixels.withUnsafeMutableBufferPointer { out in
              for row in 0..<rowCount {
                convertRow(
                  (p0, p1, p2, p3),
                  at: (
                    starts[0] + row * strides[0], starts[1] + row * strides[1], starts[2] + row * strides[2],
                    starts[3] + row * strides[3]
                  ),
                  width: width, into: out, at: (outputRow + row) * width * outputChannels)
              }
            }
          }
        }
      }
    }
  }

  /// Converts the `width` pixels of one row, which start at `starts` in the four planes (the
  /// unused ones empty), into `out` from `start`.
  @inline(__always)
  private func convertRow(
    _ planes: (
      UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>,
      UnsafeBufferPointer<UInt8>
    ),
    at starts: (Int, Int, Int, Int), width: Int, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int
  ) {
    let (p0, p1, p2, p3) = planes
    let (s0, s1, s2, s3) = starts
    switch self {
    case .gray:
      for x in 0..<width { out[start + x] = p0[s0 + x] }
    case .rgb:
      for x in 0..<width {
        out[start + 3 * x] = p0[s0 + x]
        out[start + 3 * x + 1] = p1[s1 + x]
        out[start + 3 * x + 2] = p2[s2 + x]
      }
    case .yCbCr:
      let factors = Self.factors
      for x in 0..<width {
        let (r, g, b) = Self.rgb(y: p0[s0 &+ x], cb: p1[s1 &+ x], cr: p2[s2 &+ x], factors)
        out[start &+ 3 &* x] = r
        out[start &+ 3 &* x &+ 1] = g
        out[start &+ 3 &* x &+ 2] = b
      }
    case .cmyk:
      for x in 0..<width {
        let k = Int(p3[s3 + x])
        out[start + 3 * x] = Self.applyInk(p0[s0 + x], k)
        out[start + 3 * x + 1] = Self.applyInk(p1[s1 + x], k)
        out[start + 3 * x + 2] = Self.applyInk(p2[s2 + x], k)
      }
    case .ycck:
      let factors = Self.factors
      for x in 0..<width {
        let (r, g, b) = Self.rgb(y: p0[s0 + x], cb: p1[s1 + x], cr: p2[s2 + x], factors)
        let k = Int(p3[s3 + x])
        out[start + 3 * x] = Self.applyInk(255 - r, k)
        out[start + 3 * x + 1] = Self.applyInk(255 - g, k)
        out[start + 3 * x + 2] = Self.applyInk(255 - b, k)
      }
    }
  }

  // MARK: - Private helpers

  /// One RGB channel from an inverted-CMYK ink value and inverted black: round(ink · k / 255).
  @inline(__always)
  private static func applyInk(_ ink: UInt8, _ black: Int) -> UInt8 {
    UInt8((Int(ink) * black + 127) / 255)
  }

  /// Fixed-point bits of libjpeg's colour tables.
  private static let scaleBits = 16
  /// 0.5 in that fixed point.
  private static let half = 1 << (scaleBits - 1)

  /// x · 2^16, rounded, as libjpeg's FIX() macro.
  private static func fixed(_ value: Double) -> Int { Int(value * Double(1 << scaleBits) + 0.5) }

  /// libjpeg's fixed-point factors, times 2^16 and rounded: 1.402 (red from Cr), 1.772 (blue
  /// from Cb), 0.71414 (green from Cr) and 0.34414 (green from Cb).
  private typealias Factors = (redFromCr: Int, blueFromCb: Int, greenFromCr: Int, greenFromCb: Int)

  /// The factors, computed once; a row reads them once, not once per pixel.
  private static let factors: Factors = (fixed(1.40200), fixed(1.77200), fixed(0.71414), fixed(0.34414))

  /// One YCbCr pixel as R, G, B, rounded as libjpeg's tables round.
  @inline(__always)
  private static func rgb(y: UInt8, cb: UInt8, cr: UInt8, _ f: Factors) -> (UInt8, UInt8, UInt8) {
    let luma = Int(y)
    let blue = Int(cb) &- 128
    let red = Int(cr) &- 128
    let r = luma &+ ((f.redFromCr &* red &+ half) >> scaleBits)
    let g = luma &+ ((0 &- f.greenFromCb &* blue &+ half &- f.greenFromCr &* red) >> scaleBits)
    let b = luma &+ ((f.blueFromCb &* blue &+ half) >> scaleBits)
    return (clampToByte(r), clampToByte(g), clampToByte(b))
  }

  /// `value` clamped to 0…255.
  @inline(__always)
  private static func clampToByte(_ value: Int) -> UInt8 {
    UInt8(truncatingIfNeeded: min(max(value, 0), 255))
  }
}
