// Bitfield pixels: a 16-, 24- or 32-bit little-endian word per pixel, from which each channel is
// cut out by a mask of contiguous bits (BI_BITFIELDS; BI_RGB at 16, 24 and 32 bits is the same
// thing with fixed masks).
//
// Scaling rule: a channel of n bits with value v becomes ⌊v · 255 / (2ⁿ − 1)⌋, in integers. This
// is what Pillow does for 5-5-5 and 5-6-5 (checked on every 5- and 6-bit value), and Pillow is the
// decoder behind Keras's `load_img`. It is exact for 1-, 4- and 8-bit channels, where ImageMagick
// agrees; for 5 and 6 bits ImageMagick replicates bits instead and is up to 1 higher.

/// One channel's mask: where its bits sit in the pixel word, and how to bring them to 8 bits.
struct BMPChannelMask: Equatable {
  /// The mask as the file gives it.
  let mask: UInt32
  /// The position of the mask's lowest set bit (0 when the mask is empty).
  let shift: Int
  /// The number of set bits: 0 for a channel the file does not have.
  let bitCount: Int

  /// Creates a mask, or returns nil when its set bits are not contiguous.
  init?(_ mask: UInt32) {
    self.mask = mask
    shift = mask == 0 ? 0 : mask.trailingZeroBitCount
    bitCount = mask.nonzeroBitCount
    let field = mask >> UInt32(shift)
    guard field & (field &+ 1) == 0 else { return nil }
  }

  /// The channel's 8-bit value in `pixel`, under the scaling rule above; 0 for an empty mask.
  func sample(of pixel: UInt32) -> UInt8 {
    let value = (pixel & mask) >> UInt32(shift)
    // 8-bit channels (every 24- and 32-bit BGR file) need no scaling: skip the division.
    guard bitCount != 8 else { return UInt8(value) }
    guard bitCount > 0 else { return 0 }
    return UInt8(UInt64(value) * 255 / UInt64(mask >> UInt32(shift)))
  }
}

/// The red, green, blue and alpha masks of a bitfield image.
struct BMPBitfields: Equatable {
  /// The red channel.
  let red: BMPChannelMask
  /// The green channel.
  let green: BMPChannelMask
  /// The blue channel.
  let blue: BMPChannelMask
  /// The alpha channel; its mask is empty when the file has no alpha.
  let alpha: BMPChannelMask

  /// Whether the pixels carry alpha, so that the decoded image has 4 channels.
  var hasAlpha: Bool { alpha.bitCount > 0 }

  /// The masks BI_RGB implies: 5-5-5 at 16 bits, 8-8-8 (BGR, with a 4th byte ignored at 32).
  static func implied(bitsPerPixel: Int) -> BMPBitfields {
    bitsPerPixel == 16
      ? BMPBitfields(red: .init(0x7C00)!, green: .init(0x03E0)!, blue: .init(0x001F)!, alpha: .init(0)!)
      : BMPBitfields(red: .init(0xFF_0000)!, green: .init(0xFF00)!, blue: .init(0xFF)!, alpha: .init(0)!)
  }

  /// The channel widths, such as `5-6-5` or `4-4-4-4` (red, green, blue, then alpha if any).
  var widths: String {
    (hasAlpha ? [red, green, blue, alpha] : [red, green, blue]).map { String($0.bitCount) }.joined(separator: "-")
  }

  /// Writes the RGB (or RGBA) samples of `pixel` into `pixels` from `index` on.
  func write(_ pixel: UInt32, into pixels: inout [UInt8], at index: Int) {
    pixels[index] = red.sample(of: pixel)
    pixels[index + 1] = green.sample(of: pixel)
    pixels[index + 2] = blue.sample(of: pixel)
    if hasAlpha { pixels[index + 3] = alpha.sample(of: pixel) }
  }
}
