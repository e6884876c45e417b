extension Image {
  /// The pixels of the rectangle whose top-left corner is at column `x`, row `y`, `width` by
  /// `height`, clamped to the image.
  ///
  ///     photo.cropped(x: 100, y: 50, width: 400, height: 300)
  public func cropped(x: Int, y: Int, width cropWidth: Int, height cropHeight: Int) -> Image {
    let left = Swift.max(0, Swift.min(x, width))
    let top = Swift.max(0, Swift.min(y, height))
    let right = Swift.max(left, Swift.min(width, x + cropWidth))
    let bottom = Swift.max(top, Swift.min(height, y + cropHeight))
    var output: [UInt8] = []
    output.reserveCapacity((right - left) * (bottom - top) * channels)
    for row in top..<bottom {
      let start = (row * width + left) * channels
      output.append(contentsOf: pixels[start..<(start + (right - left) * channels)])
    }
    return Image(width: right - left, height: bottom - top, channels: channels, pixels: output)
  }

  /// The image mirrored left to right, as a photo flipped for data augmentation.
  public func flippedHorizontally() -> Image {
    var output = pixels
    for row in 0..<height {
      for column in 0..<width {
        let from = (row * width + width - 1 - column) * channels
        let to = (row * width + column) * channels
        for channel in 0..<channels { output[to + channel] = pixels[from + channel] }
      }
    }
    return Image(width: width, height: height, channels: channels, pixels: output)
  }
}

extension FloatImage {
  /// The image with each sample rounded to the nearest whole number and kept within 0...255, as
  /// a file stores it.
  public var roundedToBytes: Image {
    // A plain loop over a buffer: `map`'s closure and checked conversion cost more than the
    // rounding.
    let pixels = values.withUnsafeBufferPointer { values in
      [UInt8](unsafeUninitializedCapacity: values.count) { pixels, initialized in
        for index in values.indices {
          pixels[index] = UInt8(truncatingIfNeeded: Int32(Swift.min(255, Swift.max(0, values[index].rounded()))))
        }
        initialized = values.count
      }
    }
    return Image(width: width, height: height, channels: channels, pixels: pixels)
  }
}
