/// A model made of a plain stack of layers, each feeding the next.
///
/// Give the layers as a list, in a block, or one at a time with `add(_:)`. Start with an `Input`
/// so that shapes are checked as you go; without one, the model is built from the first data it
/// sees (as in Keras).
///
///     let model = try Sequential {
///       Input(shape: [32, 32, 3])
///       Rescaling(scale: 1.0 / 255)
///       Conv2D(filters: 16, kernelSize: 3, activation: .relu)
///       MaxPooling2D(poolSize: 2)
///       Flatten()
///       Dense(units: 5, activation: .softmax)
///     }
public final class Sequential: Model {
  /// Creates a model from a list of layers, optionally starting with an `Input`.
  ///
  /// - Throws: `LayerError` naming the first layer that cannot take its input (only when the
  ///   input shape is known), or `ModelError.inputNotFirst`.
  public init(_ layers: [Layer] = [], name: String? = nil) throws {
    super.init(className: "Sequential", name: name, input: nil, layers: [])
    for layer in layers { try add(layer) }
  }

  /// Creates a model from the layers listed in a block, optionally starting with an `Input`.
  ///
  /// - Throws: `LayerError` naming the first layer that cannot take its input.
  public convenience init(name: String? = nil, @LayerBuilder _ layers: () -> [Layer]) throws {
    try self.init(layers(), name: name)
  }

  /// Adds a layer on top of the stack, building it at once if the input shape is known.
  ///
  /// - Throws: `LayerError` when the layer cannot take the output of the layer below, or
  ///   `ModelError.inputNotFirst` for an `Input` that is not first.
  public func add(_ layer: Layer) throws {
    if let newInput = layer as? Input {
      guard input == nil && layers.isEmpty else {
        throw ModelError.inputNotFirst(model: name, position: layers.count + (input == nil ? 0 : 1))
      }
      if let inputError = newInput.argumentError { throw inputError }
      input = newInput
      return
    }
    layers.append(layer)
    do {
      try buildLayers()
    } catch {
      layers.removeLast()
      throw error
    }
  }
}

/// Collects the layers written in a `Sequential { … }` block, including those from `if` and
/// `for` statements.
@resultBuilder
public enum LayerBuilder {
  /// Takes one layer.
  public static func buildExpression(_ layer: Layer) -> [Layer] { [layer] }
  /// Takes a list of layers, such as one returned by a function.
  public static func buildExpression(_ layers: [Layer]) -> [Layer] { layers }
  /// Starts the list.
  public static func buildPartialBlock(first: [Layer]) -> [Layer] { first }
  /// Appends the next layers.
  public static func buildPartialBlock(accumulated: [Layer], next: [Layer]) -> [Layer] { accumulated + next }
  /// Allows an empty block.
  public static func buildBlock() -> [Layer] { [] }
  /// Takes the layers of an `if` without `else`.
  public static func buildOptional(_ layers: [Layer]?) -> [Layer] { layers ?? [] }
  /// Takes the layers of the first branch of an `if`/`else`.
  public static func buildEither(first layers: [Layer]) -> [Layer] { layers }
  /// Takes the layers of the second branch of an `if`/`else`.
  public static func buildEither(second layers: [Layer]) -> [Layer] { layers }
  /// Takes the layers of every pass through a `for` loop.
  public static func buildArray(_ passes: [[Layer]]) -> [Layer] { passes.flatMap { $0 } }
}
