extension Image {
  /// The definition of `resized(width:height:interpolation:)`: TensorFlow's formulas evaluated
  /// afresh for every output sample, with no tables. Slow and plain, kept for the tests.
  func referenceResized(width outputWidth: Int, height outputHeight: Int, interpolation: Interpolation) -> FloatImage {
    let rowScale = Float(height) / Float(outputHeight)
    let columnScale = Float(width) / Float(outputWidth)
    var values: [Float] = []
    for y in 0..<outputHeight {
      for x in 0..<outputWidth {
        for channel in 0..<channels {
          func sample(_ row: Int, _ column: Int) -> Float {
            Float(pixels[(row * width + column) * channels + channel])
          }
          switch interpolation {
          case .nearest:
            let row = min(Int(((Float(y) + 0.5) * rowScale).rounded(.down)), height - 1)
            let column = min(Int(((Float(x) + 0.5) * columnScale).rounded(.down)), width - 1)
            values.append(sample(row, column))
          case .bilinear:
            let sourceY = (Float(y) + 0.5) * rowScale - 0.5
            let sourceX = (Float(x) + 0.5) * columnScale - 0.5
            let y0 = max(Int(sourceY.rounded(.down)), 0)
            let y1 = min(Int(sourceY.rounded(.up)), height - 1)
            let x0 = max(Int(sourceX.rounded(.down)), 0)
            let x1 = min(Int(sourceX.rounded(.up)), width - 1)
            let dy = sourceY - sourceY.rounded(.down)
            let dx = sourceX - sourceX.rounded(.down)
            // term 1: blend along the top row; term 2: along the bottom row; then between them.
            let top = sample(y0, x0) + (sample(y0, x1) - sample(y0, x0)) * dx
            let bottom = sample(y1, x0) + (sample(y1, x1) - sample(y1, x0)) * dx
            values.append(top + (bottom - top) * dy)
          }
        }
      }
    }
    return FloatImage(width: outputWidth, height: outputHeight, channels: channels, values: values)
  }
}
