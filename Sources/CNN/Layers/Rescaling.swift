/// Multiplies every value by `scale` and adds `offset`. Put `Rescaling(scale: 1.0 / 255)` first
/// in a model to turn pixel values from 0...255 into 0...1, which makes training far steadier.
///
/// - Input and output shape: the same, any.
/// - No parameters.
public final class Rescaling: Layer, TakesPixels {
  /// The factor every value is multiplied by.
  public let scale: Float
  /// The amount added after scaling.
  public let offset: Float

  /// Creates a layer that computes `input · scale + offset`.
  public init(scale: Float, offset: Float = 0, name: String? = nil) {
    self.scale = scale
    self.offset = offset
    super.init(className: "Rescaling", name: name)
  }

  private var outputs = ReusedStorage<Float>()

  override func forward(_ input: Tensor, training: Bool) -> Tensor {
    rescaled(input.scalars, shape: input.shape, training: training) { $0 }
  }

  /// Converts 8-bit pixels and rescales them in one pass: bit for bit the numbers that converting
  /// them to Float32 first and then rescaling gives, as `Float(pixel)` is exact.
  func forward(_ pixels: PixelBatch, training: Bool) -> Tensor {
    rescaled(pixels.pixels, shape: pixels.shape, training: training) { Float($0) }
  }

  /// Scales the output gradient in its own memory.
  override func backward(_ outputGradient: consuming Tensor) -> Tensor {
    var gradient = outputGradient
    gradient.scalars.withUnsafeMutableBufferPointer { values in
      for index in values.indices { values[index] *= scale }
    }
    return gradient
  }

  override var argumentsConfig: JSONObject {
    ["scale": .number(Double(scale)), "offset": .number(Double(offset))]
  }

  /// Returns `value · scale + offset` for every value, written into last step's output in training.
  private func rescaled<Value>(
    _ values: [Value], shape: [Int], training: Bool, asFloat: (Value) -> Float
  ) -> Tensor {
    var output = overwritableArray(count: values.count, reusing: training ? outputs.take() : [])
    values.withUnsafeBufferPointer { input in
      output.withUnsafeMutableBufferPointer { output in
        for index in input.indices { output[index] = asFloat(input[index]) * scale + offset }
      }
    }
    if training { outputs.keep(output) }
    return Tensor(shape: shape, scalars: output)
  }
}
