/// Averages each channel over the whole image, turning a stack of feature maps into one number per
/// channel. A common alternative to `Flatten` before the Dense layers, with far fewer parameters
/// after it.
///
/// - Input shape: `(None, H, W, C)`.
/// - Output shape: `(None, C)`.
/// - No parameters.
public final class GlobalAveragePooling2D: Layer {
  private var lastInputShape: [Int]?

  /// Creates a global-average-pooling layer.
  public init(name: String? = nil) {
    super.init(className: "GlobalAveragePooling2D", name: name)
  }

  override func computeOutputShape(for inputShape: [Int]) throws -> [Int] {
    guard inputShape.count == 3 else {
      throw LayerError.wrongInputRank(
        layer: name, className: className, expected: "(None, height, width, channels)", received: inputShape)
    }
    return [inputShape[2]]
  }

  override func forward(_ input: Tensor, training: Bool) -> Tensor {
    lastInputShape = input.shape
    let (batch, pixels, channels) = (input.shape[0], input.shape[1] * input.shape[2], input.shape[3])
    var output = [Float](repeating: 0, count: batch * channels)
    for n in 0..<batch {
      for p in 0..<pixels {
        for c in 0..<channels { output[n * channels + c] += input.scalars[(n * pixels + p) * channels + c] }
      }
    }
    for i in output.indices { output[i] /= Float(pixels) }
    return Tensor(shape: [batch, channels], scalars: output)
  }

  override func backward(_ outputGradient: consuming Tensor) -> Tensor {
    guard let shape = lastInputShape else {
      preconditionFailure("GlobalAveragePooling2D \(name): backward called before forward")
    }
    let (batch, pixels, channels) = (shape[0], shape[1] * shape[2], shape[3])
    var gradient = [Float](repeating: 0, count: shape.reduce(1, *))
    for n in 0..<batch {
      for p in 0..<pixels {
        for c in 0..<channels {
          gradient[(n * pixels + p) * channels + c] = outputGradient.scalars[n * channels + c] / Float(pixels)
        }
      }
    }
    return Tensor(shape: shape, scalars: gradient)
  }

  override var argumentsConfig: JSONObject {
    ["data_format": "channels_last", "keepdims": false]
  }
}
