/// Where a sliding window (a convolution kernel or a pooling window) lands on an image: the
/// sizes, strides and padding shared by `Conv2D`, `MaxPooling2D` and `AveragePooling2D`.
///
/// Abbreviations used in every kernel file: N batch, H/W input height/width, C input channels,
/// KH/KW window height/width, OH/OW output height/width, F output channels (filters).
struct WindowGeometry: Equatable {
  var inputHeight: Int
  var inputWidth: Int
  var channels: Int
  var windowHeight: Int
  var windowWidth: Int
  var strideY: Int
  var strideX: Int
  /// Rows of zeros (or ignored cells) above the image; any extra padding goes below.
  var padTop: Int
  /// Columns of padding left of the image; any extra padding goes right.
  var padLeft: Int
  var outputHeight: Int
  var outputWidth: Int

  /// Places a window on an input with Keras's rules:
  /// - `.valid`: `out = (in − window) / stride + 1` (rounded down), no padding;
  /// - `.same`: `out = ⌈in / stride⌉`, with `max((out − 1)·stride + window − in, 0)` padding split
  ///   evenly, the odd one at the bottom and right (TensorFlow's convention).
  ///
  /// Returns nil when the window does not fit (valid padding on a smaller input).
  init?(input: (height: Int, width: Int, channels: Int), window: (Int, Int), strides: (Int, Int), padding: Padding) {
    inputHeight = input.height
    inputWidth = input.width
    channels = input.channels
    (windowHeight, windowWidth) = window
    (strideY, strideX) = strides
    switch padding {
    case .valid:
      guard input.height >= window.0, input.width >= window.1 else { return nil }
      outputHeight = (input.height - window.0) / strides.0 + 1
      outputWidth = (input.width - window.1) / strides.1 + 1
      padTop = 0
      padLeft = 0
    case .same:
      outputHeight = (input.height + strides.0 - 1) / strides.0
      outputWidth = (input.width + strides.1 - 1) / strides.1
      padTop = Swift.max((outputHeight - 1) * strides.0 + window.0 - input.height, 0) / 2
      padLeft = Swift.max((outputWidth - 1) * strides.1 + window.1 - input.width, 0) / 2
    }
  }

  /// The number of values in one window: KH·KW·C, the length of an im2col row.
  var patchSize: Int { windowHeight * windowWidth * channels }

  /// The number of values in one input image: H·W·C.
  var inputSize: Int { inputHeight * inputWidth * channels }
}

/// How a layer treats the border of its input.
public enum Padding: String, Sendable, CaseIterable {
  /// No padding: the window stays inside the input, so the output shrinks (Keras's default).
  case valid
  /// Pads with zeros so that, with stride 1, the output keeps the input's height and width.
  case same
}
