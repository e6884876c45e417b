extension Layer {
  /// Places a sliding window (a convolution kernel, a pooling window) on items of `inputShape`,
  /// or throws the error a learner should see: the input is not `(height, width, channels)`, or
  /// the window does not fit.
  func windowGeometry(for inputShape: [Int], window: Size2D, strides: Size2D, padding: Padding) throws -> WindowGeometry
  {
    guard inputShape.count == 3 else {
      throw LayerError.wrongInputRank(
        layer: name, className: className, expected: "(None, height, width, channels)", received: inputShape)
    }
    guard
      let geometry = WindowGeometry(
        input: (inputShape[0], inputShape[1], inputShape[2]), window: (window.height, window.width),
        strides: (strides.height, strides.width), padding: padding)
    else {
      throw LayerError.windowLargerThanInput(
        layer: name, className: className, window: [window.height, window.width], received: inputShape)
    }
    return geometry
  }
}
