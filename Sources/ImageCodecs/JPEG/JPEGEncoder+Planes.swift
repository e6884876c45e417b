// The planes a JPEG encoder transforms: the image's samples as JFIF's YCbCr (or gray), padded
// to whole MCUs by repeating the last column and row (as libjpeg pads, so that edge blocks hold
// no sharp step for the DCT to spend bits on), with chroma then halved both ways (4:2:0).

extension JPEGEncoder {
  /// The planes to encode: Y alone for 1 or 2 channels (alpha dropped), or Y, Cb and Cr for 3 or
  /// 4 (alpha dropped), Cb and Cr at half the width and height. Y is padded to a multiple of 8
  /// (gray) or 16 (colour) both ways.
  static func planes(of image: Image) -> [JPEGPlane] {
    let isColor = image.channels >= 3
    let unit = isColor ? 16 : 8
    let paddedWidth = (image.width + unit - 1) / unit * unit
    let paddedHeight = (image.height + unit - 1) / unit * unit
    func plane() -> JPEGPlane {
      JPEGPlane(stride: paddedWidth, rowCount: paddedHeight, width: image.width, height: image.height)
    }
    var luma = plane()
    var blue = plane()
    var red = plane()
    let channels = image.channels
    image.pixels.withUnsafeBufferPointer { pixels in
      for y in 0..<paddedHeight {
        let rowStart = min(y, image.height - 1) * image.width
        for x in 0..<paddedWidth {
          let source = (rowStart + min(x, image.width - 1)) * channels
          let target = y * paddedWidth + x
          if isColor {
            let (l, b, r) = yCbCr(red: pixels[source], green: pixels[source + 1], blue: pixels[source + 2])
            luma.samples[target] = l
            blue.samples[target] = b
            red.samples[target] = r
          } else {
            luma.samples[target] = pixels[source]
          }
        }
      }
    }
    return isColor ? [luma, downsampled(blue), downsampled(red)] : [luma]
  }

  /// Halves a plane of even width and height both ways, each sample the mean of a 2×2 square,
  /// rounded with a bias of 1 and 2 alternately as libjpeg's `h2v2_downsample` does, so that
  /// halves do not all round the same way.
  static func downsampled(_ plane: JPEGPlane) -> JPEGPlane {
    precondition(plane.stride % 2 == 0 && plane.rowCount % 2 == 0)
    var half = JPEGPlane(
      stride: plane.stride / 2, rowCount: plane.rowCount / 2, width: (plane.width + 1) / 2,
      height: (plane.height + 1) / 2)
    for y in 0..<half.rowCount {
      let top = 2 * y * plane.stride
      let bottom = top + plane.stride
      var bias = 1
      for x in 0..<half.stride {
        let sum =
          Int(plane.samples[top + 2 * x]) + Int(plane.samples[top + 2 * x + 1]) + Int(plane.samples[bottom + 2 * x])
          + Int(plane.samples[bottom + 2 * x + 1])
        half.samples[y * half.stride + x] = UInt8((sum + bias) >> 2)
        bias ^= 3
      }
    }
    return half
  }

  /// Fixed-point bits of the colour conversion, as libjpeg's `jccolor.c`.
  private static let scaleBits = 16

  /// x · 2^16, rounded.
  private static func fixed(_ value: Double) -> Int { Int(value * Double(1 << scaleBits) + 0.5) }

  // JFIF's factors: Y = 0.299 R + 0.587 G + 0.114 B, Cb = −0.16874 R − 0.33126 G + 0.5 B + 128,
  // Cr = 0.5 R − 0.41869 G − 0.08131 B + 128.
  private static let yFromRed = fixed(0.29900)
  private static let yFromGreen = fixed(0.58700)
  private static let yFromBlue = fixed(0.11400)
  private static let cbFromRed = fixed(0.16874)
  private static let cbFromGreen = fixed(0.33126)
  private static let crFromGreen = fixed(0.41869)
  private static let crFromBlue = fixed(0.08131)
  private static let oneHalf = fixed(0.5)

  /// One RGB pixel as Y, Cb, Cr, with libjpeg's integer arithmetic and rounding (`jccolor.c`:
  /// Y rounds half up; Cb and Cr add just under a half, so that they never exceed 255).
  @inline(__always)
  static func yCbCr(red: UInt8, green: UInt8, blue: UInt8) -> (UInt8, UInt8, UInt8) {
    let r = Int(red)
    let g = Int(green)
    let b = Int(blue)
    let offset = 128 << scaleBits + oneHalf - 1
    let y = (yFromRed * r + yFromGreen * g + yFromBlue * b + oneHalf) >> scaleBits
    let cb = (-cbFromRed * r - cbFromGreen * g + oneHalf * b + offset) >> scaleBits
    let cr = (oneHalf * r - crFromGreen * g - crFromBlue * b + offset) >> scaleBits
    return (UInt8(y), UInt8(cb), UInt8(cr))
  }
}
