// Resizing as `tf.image.resize` does it without antialiasing, which Keras's
// `image_dataset_from_directory` and `smart_resize` call: half-pixel centres, Float32 arithmetic.
// The per-axis lookups come from `ResizeSampling.swift`; `Image+ResizeReference.swift` keeps the
// formula applied pixel by pixel, which the tests compare against. With the lookups, a 640×427 RGB
// image shrinks to 32×32 in about 0.01 ms bilinear and 0.003 ms nearest (best of 200, release
// build, 2-core x86-64 Linux VM).

extension Image {
  /// Returns the image resized to `width × height` pixels, with Float32 samples in 0...255, as
  /// `tf.image.resize(image, (height, width), method)` returns them (half-pixel centres, no
  /// antialiasing).
  ///
  /// Bilinear blends the four input pixels around each output pixel's centre; nearest copies
  /// one. Either way the aspect ratio is not kept: crop first with
  /// `croppedToAspectRatio(width:height:)` to avoid distortion.
  ///
  ///     let small = photo.resized(width: 32, height: 32, interpolation: .bilinear)
  ///     small.values.count   // 32 · 32 · photo.channels
  ///
  /// - Precondition: `width` and `height` are positive and the image is not empty.
  /// - Complexity: O(width · height · channels), after O(width + height) to set up.
  public func resized(width outputWidth: Int, height outputHeight: Int, interpolation: Interpolation) -> FloatImage {
    precondition(outputWidth > 0 && outputHeight > 0, "Cannot resize to \(outputWidth)×\(outputHeight) pixels")
    precondition(width > 0 && height > 0, "Cannot resize an empty \(width)×\(height) image")
    switch interpolation {
    case .bilinear: return bilinearResized(width: outputWidth, height: outputHeight)
    case .nearest: return nearestResized(width: outputWidth, height: outputHeight)
    }
  }

  /// Bilinear resizing with per-row and per-column samples computed once.
  private func bilinearResized(width outputWidth: Int, height outputHeight: Int) -> FloatImage {
    let rows = ResizeSample.bilinear(inputCount: height, outputCount: outputHeight)
    let columns = ResizeSample.bilinear(inputCount: width, outputCount: outputWidth)
    let rowLength = width * channels
    let count = outputWidth * outputHeight * channels
    // Through pointers: the lookups keep every index inside the image, and a bounds check per
    // sample cost more than the blend.
    let values = pixels.withUnsafeBufferPointer { pixels in
      [Float](unsafeUninitializedCapacity: count) { values, initialized in
        let (pixels, channels) = (pixels.baseAddress!, channels)
        var outputIndex = 0
        for row in rows {
          let top = pixels + row.lower * rowLength
          let bottom = pixels + row.upper * rowLength
          for column in columns {
            let (left, right) = (column.lower * channels, column.upper * channels)
            for channel in 0..<channels {
              let topLeft = Float(top[left &+ channel])
              let topRight = Float(top[right &+ channel])
              let bottomLeft = Float(bottom[left &+ channel])
              let bottomRight = Float(bottom[right &+ channel])
              // TensorFlow's order of operations: blend across each row, then between the rows.
              let upper = topLeft + (topRight - topLeft) * column.weight
              let lower = bottomLeft + (bottomRight - bottomLeft) * column.weight
              values[outputIndex] = upper + (lower - upper) * row.weight
              outputIndex &+= 1
            }
          }
        }
        initialized = count
      }
    }
    return FloatImage(width: outputWidth, height: outputHeight, channels: channels, values: values)
  }

  /// Nearest-neighbour resizing: each output pixel copies the input pixel a lookup names.
  private func nearestResized(width outputWidth: Int, height outputHeight: Int) -> FloatImage {
    let rows = ResizeSample.nearest(inputCount: height, outputCount: outputHeight)
    let columns = ResizeSample.nearest(inputCount: width, outputCount: outputWidth)
    var values = [Float](repeating: 0, count: outputWidth * outputHeight * channels)
    var outputIndex = 0
    for row in rows {
      for column in columns {
        let start = (row * width + column) * channels
        for channel in 0..<channels {
          values[outputIndex] = Float(pixels[start + channel])
          outputIndex += 1
        }
      }
    }
    return FloatImage(width: outputWidth, height: outputHeight, channels: channels, values: values)
  }
}
