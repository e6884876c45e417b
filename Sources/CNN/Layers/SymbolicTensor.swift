/// The output of a layer in a model under construction: it holds a shape, not values (Keras's
/// `KerasTensor`).
///
/// You get one by calling a layer on an `Input` or on another symbolic tensor, and pass the last
/// one to `Model(inputs:outputs:name:)`:
///
///     let inputs = Input(shape: [32, 32, 3])
///     var x = try Conv2D(filters: 16, kernelSize: 3, activation: .relu)(inputs)
///     x = try MaxPooling2D(poolSize: 2)(x)
///     x.shape   // [nil, 15, 15, 16]: any batch size, 15×15 pixels, 16 channels
public struct SymbolicTensor: CustomStringConvertible {
  /// The `Input` this tensor's chain of layers starts from.
  public let source: Input

  /// The layers applied to `source`, in order; the last one produced this tensor.
  public let layers: [Layer]

  /// The shape of one item, without the batch axis.
  public let itemShape: [Int]

  /// The shape with the batch axis first, which is `nil` because any batch size fits.
  public var shape: [Int?] { [nil] + itemShape.map { $0 } }

  /// `<SymbolicTensor shape=(None, 30, 30, 16), from=conv2d>`, as Keras prints a KerasTensor.
  public var description: String {
    "<SymbolicTensor shape=\(ShapeNotation.batched(itemShape)), from=\(layers.last?.name ?? source.name)>"
  }

  /// Returns the tensor that `layer`, already built for this tensor's shape, produces from it.
  func appending(_ layer: Layer) -> SymbolicTensor {
    SymbolicTensor(source: source, layers: layers + [layer], itemShape: layer.outputShape ?? itemShape)
  }
}
