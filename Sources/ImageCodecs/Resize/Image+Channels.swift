// Channel conversion as TensorFlow's PNG decoder does it for `tf.io.decode_png(channels: n)` and
// `tf.io.decode_image`, which Keras's `image_dataset_from_directory` calls with 1 channel for
// `color_mode="grayscale"`, 3 for "rgb" and 4 for "rgba". TensorFlow asks libpng for the change
// (`tensorflow/core/lib/png/png_io.cc`, `CommonInitDecode`):
//
// - fewer channels wanted without alpha: `png_set_strip_alpha`. Alpha is dropped, not composited
//   onto a background, so a transparent pixel keeps whatever colour it stores.
// - alpha wanted but absent: `png_set_add_alpha(…, 0xFF)`, an opaque alpha of 255.
// - gray to colour: `png_set_gray_to_rgb`, the gray value copied to red, green and blue.
// - colour to gray: `png_set_rgb_to_gray(png, 1, 0.299, 0.587)`, the ITU-R BT.601 luma weights.
//   libpng turns them into 15-bit fixed point: red ⌊0.299 · 32768⌋ = 9797, green
//   ⌊0.587 · 32768⌋ = 19234, and blue the remainder 32768 − 9797 − 19234 = 3737; then
//   `gray = (9797·R + 19234·G + 3737·B) >> 15`, truncating (`png_do_rgb_to_gray` in
//   libpng's `pngrtran.c`, on the path it takes when the file declares no gamma).
//   Since the weights sum to 32768, a gray pixel (R = G = B) keeps its value.
//
// Checked against TensorFlow 2.21 (`Tests/ImageCodecsTests/Fixtures/resize/`): exact for 8-bit
// PNGs of every colour type. Two cases differ, because `Image` keeps neither the file's gamma nor
// its low bytes: for a PNG with a gAMA chunk, libpng converts colour to gray in linear light
// (gamma tables in `png_do_rgb_to_gray`), giving gray values up to tens of levels apart; and for
// a 16-bit PNG it converts before dropping the low byte, so gray values can differ by one.

extension Image {
  /// The libpng fixed-point weights (out of 32768) of red, green and blue in a gray value.
  static let grayWeights: (red: UInt32, green: UInt32, blue: UInt32) = (9_797, 19_234, 3_737)

  /// Returns the image with `channels` channels, converted as TensorFlow's `decode_png` and
  /// `decode_image` convert when asked for that many: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA.
  ///
  /// - Gray becomes colour by copying it to red, green and blue.
  /// - Colour becomes gray by TensorFlow's weights, `(9797·R + 19234·G + 3737·B) >> 15`
  ///   (0.299, 0.587 and 0.114 in libpng's 15-bit fixed point, rounded down).
  /// - Alpha is dropped without blending into a background, or added as 255 (opaque).
  ///
  ///     let gray = try Image(contentsOf: "cat.png").converted(toChannels: 1)
  ///
  /// - Precondition: `channels` is 1, 2, 3 or 4.
  public func converted(toChannels newChannels: Int) -> Image {
    precondition((1...4).contains(newChannels), "An image has 1 to 4 channels, not \(newChannels)")
    if newChannels == channels { return self }
    let sourceHasColor = channels >= 3
    let sourceHasAlpha = channels == 2 || channels == 4
    let wantsColor = newChannels >= 3
    let wantsAlpha = newChannels == 2 || newChannels == 4
    let alphaOffset = channels - 1
    let weights = Image.grayWeights

    let pixelCount = width * height
    var output = [UInt8](repeating: 0, count: pixelCount * newChannels)
    var source = 0
    var target = 0
    for _ in 0..<pixelCount {
      if wantsColor == sourceHasColor {
        for channel in 0..<(wantsColor ? 3 : 1) {
          output[target + channel] = pixels[source + channel]
        }
      } else if wantsColor {
        let gray = pixels[source]
        output[target] = gray
        output[target + 1] = gray
        output[target + 2] = gray
      } else {
        let red = UInt32(pixels[source])
        let green = UInt32(pixels[source + 1])
        let blue = UInt32(pixels[source + 2])
        output[target] = UInt8((weights.red * red + weights.green * green + weights.blue * blue) >> 15)
      }
      if wantsAlpha {
        output[target + newChannels - 1] = sourceHasAlpha ? pixels[source + alphaOffset] : 255
      }
      source += channels
      target += newChannels
    }
    return Image(width: width, height: height, channels: newChannels, pixels: output)
  }
}
