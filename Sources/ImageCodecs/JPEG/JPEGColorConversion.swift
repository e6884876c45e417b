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

  /// Writes the interleaved output pixels of `planes` (all `width × height`, stride `width`).
  func convert(_ planes: [JPEGPlane], into pixels: inout [UInt8]) {
    let count = planes[0].width * planes[0].height
    let first = planes[0].samples
    let second = planes.count > 1 ? planes[1].samples : []
    let third = planes.count > 2 ? planes[2].samples : []
    let fourth = planes.count > 3 ? planes[3].samples : []
    first.withUnsafeBufferPointer { p0 in
      second.withUnsafeBufferPointer { p1 in
        third.withUnsafeBufferPointer { p2 in
          fourth.withUnsafeBufferPointer { p3 in
            pixels.withUnsafeMutableBufferPointer { out in
              switch self {
              case .gray:
                for index in 0..<count { out[index] = p0[index] }
              case .rgb:
                for index in 0..<count {
                  out[index * 3] = p0[index]
                  out[index * 3 + 1] = p1[index]
                  out[index * 3 + 2] = p2[index]
                }
              case .yCbCr:
                for index in 0..<count {
                  let (r, g, b) = Self.rgb(y: p0[index], cb: p1[index], cr: p2[index])
                  out[index * 3] = r
                  out[index * 3 + 1] = g
                  out[index * 3 + 2] = b
                }
              case .cmyk:
                for index in 0..<count {
                  let k = Int(p3[index])
                  out[index * 3] = Self.applyInk(p0[index], k)
                  out[index * 3 + 1] = Self.applyInk(p1[index], k)
                  out[index * 3 + 2] = Self.applyInk(p2[index], k)
                }
              case .ycck:
                for index in 0..<count {
                  let (r, g, b) = Self.rgb(y: p0[index], cb: p1[index], cr: p2[index])
                  let k = Int(p3[index])
                  out[index * 3] = Self.applyInk(255 - r, k)
                  out[index * 3 + 1] = Self.applyInk(255 - g, k)
                  out[index * 3 + 2] = Self.applyInk(255 - b, k)
                }
              }
            }
          }
        }
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

  /// libjpeg's fixed-point factors: 1.402, 1.772, 0.71414 and 0.34414 times 2^16, rounded.
  private static let redFromCr = fixed(1.40200)
  private static let blueFromCb = fixed(1.77200)
  private static let greenFromCr = fixed(0.71414)
  private static let greenFromCb = fixed(0.34414)

  /// One YCbCr pixel as R, G, B, rounded as libjpeg's tables round.
  @inline(__always)
  private static func rgb(y: UInt8, cb: UInt8, cr: UInt8) -> (UInt8, UInt8, UInt8) {
    let luma = Int(y)
    let blue = Int(cb) - 128
    let red = Int(cr) - 128
    let r = luma + ((redFromCr * red + half) >> scaleBits)
    let g = luma + ((-greenFromCb * blue + half - greenFromCr * red) >> scaleBits)
    let b = luma + ((blueFromCb * blue + half) >> scaleBits)
    return (clampToByte(r), clampToByte(g), clampToByte(b))
  }

  /// `value` clamped to 0…255.
  @inline(__always)
  private static func clampToByte(_ value: Int) -> UInt8 {
    UInt8(value < 0 ? 0 : (value > 255 ? 255 : value))
  }
}
