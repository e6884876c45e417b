// The crop of Keras's `smart_resize` (`keras/src/utils/image_utils.py`), which
// `image_dataset_from_directory(crop_to_aspect_ratio=True)` applies before resizing: the largest
// centred window with the target's aspect ratio.
//
//     crop_height = max(min(height, int(width · target_height / target_width)), 1)
//     crop_width  = max(min(width, int(height · target_width / target_height)), 1)
//     top  = int((height − crop_height) / 2)
//     left = int((width − crop_width) / 2)
//
// Keras computes the quotients in floating point (float64 for a known size, float32 inside
// `tf.data`) and truncates. For positive operands below 2²⁴ both give the floor of the exact
// quotient, which is what integer division gives here.

extension Image {
  /// Returns the largest centred part of the image whose shape is `width : height`, as Keras's
  /// `smart_resize` crops before resizing (`crop_to_aspect_ratio=True`).
  ///
  /// Where the crop cannot be centred exactly, it sits half a pixel nearer the top or left.
  ///
  ///     photo.croppedToAspectRatio(width: 1, height: 1)   // 640×427 becomes 427×427, from x = 106
  ///
  /// - Precondition: `width` and `height` are positive.
  public func croppedToAspectRatio(width targetWidth: Int, height targetHeight: Int) -> Image {
    precondition(targetWidth > 0 && targetHeight > 0, "An aspect ratio needs a positive width and height")
    let cropHeight = max(min(height, width * targetHeight / targetWidth), 1)
    let cropWidth = max(min(width, height * targetWidth / targetHeight), 1)
    if cropHeight == height && cropWidth == width { return self }
    let top = (height - cropHeight) / 2
    let left = (width - cropWidth) / 2
    var output: [UInt8] = []
    output.reserveCapacity(cropWidth * cropHeight * channels)
    let rowLength = width * channels
    for row in top..<(top + cropHeight) {
      let start = row * rowLength + left * channels
      output.append(contentsOf: pixels[start..<(start + cropWidth * channels)])
    }
    return Image(width: cropWidth, height: cropHeight, channels: channels, pixels: output)
  }
}
