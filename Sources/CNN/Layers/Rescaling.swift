/// Multiplies every value by `scale` and adds `offset`. Put `Rescaling(scale: 1.0 / 255)` first
/// in a model to turn pixel values from 0...255 into 0...1, which makes training far steadier.
///
/// - Input and output shape: the same, any.
/// - No parameters.
public final class Rescaling: Layer {
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
    var output = overwritableArray(count: input.scalarCount, reusing: training ? outputs.take() : [])
    input.scalars.withUnsafeBufferPointer { input in
      output.withUnsafeMutableBufferPointer { output in
        for index in input.indices { output[index] = input[index] * scale + offset }
      }
    }
    if training { outputs.keep(output) }
    return Tensor(shape: input.shape, scalars: output)
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
}
