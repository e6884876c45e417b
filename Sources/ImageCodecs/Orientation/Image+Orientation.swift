extension Image {
  /// Returns the picture turned upright as its EXIF orientation says: what a photo viewer shows,
  /// and what `Image(contentsOf:usesExifOrientation:)` gives when asked.
  ///
  ///     let stored = try Image(contentsOf: "phone.jpg")   // 4032×3024, as the sensor saw it
  ///     stored.applying(.rotate90Clockwise)              // 3024×4032, upright
  public func applying(_ orientation: ExifOrientation) -> Image {
    if orientation == .upright { return self }
    let swaps = orientation.swapsWidthAndHeight
    let outputWidth = swaps ? height : width
    let outputHeight = swaps ? width : height
    var output = [UInt8](repeating: 0, count: pixels.count)
    for y in 0..<outputHeight {
      for x in 0..<outputWidth {
        let (sourceX, sourceY) = sourcePixel(of: x, y, turnedBy: orientation)
        let from = (sourceY * width + sourceX) * channels
        let to = (y * outputWidth + x) * channels
        for channel in 0..<channels { output[to + channel] = pixels[from + channel] }
      }
    }
    return Image(width: outputWidth, height: outputHeight, channels: channels, pixels: output)
  }

  /// The stored pixel that lands at column `x`, row `y` of the upright picture.
  private func sourcePixel(of x: Int, _ y: Int, turnedBy orientation: ExifOrientation) -> (x: Int, y: Int) {
    switch orientation {
    case .upright: return (x, y)
    case .flipHorizontally: return (width - 1 - x, y)
    case .rotate180: return (width - 1 - x, height - 1 - y)
    case .flipVertically: return (x, height - 1 - y)
    case .transpose: return (y, x)
    case .rotate90Clockwise: return (y, height - 1 - x)
    case .transverse: return (width - 1 - y, height - 1 - x)
    case .rotate90CounterClockwise: return (width - 1 - y, x)
    }
  }
}
