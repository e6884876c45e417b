/// One learned array of a layer, such as the kernel or the bias of a `Conv2D`, together with the
/// gradient that training accumulates for it (Keras's `Variable`).
public final class Variable {
  /// The variable's name within its layer: `kernel`, `bias`.
  public let name: String

  /// The current values.
  public internal(set) var value: Tensor

  /// ∂loss/∂value summed over the current batch; the optimizer reads it, then it is cleared.
  public internal(set) var gradient: Tensor

  /// Whether the optimizer updates this variable.
  public let isTrainable: Bool

  init(name: String, value: Tensor, isTrainable: Bool = true) {
    self.name = name
    self.value = value
    self.gradient = Tensor(zeros: value.shape)
    self.isTrainable = isTrainable
  }

  /// The shape of the values: `[3, 3, 3, 16]` for the kernel of `Conv2D(filters: 16, kernelSize: 3)`
  /// on colour images.
  public var shape: [Int] { value.shape }

  /// Replaces the values, keeping the shape.
  ///
  /// - Throws: `LayerError.weightShapeMismatch` when `newValue` has another shape.
  public func assign(_ newValue: Tensor, layer: String) throws {
    guard newValue.shape == value.shape else {
      throw LayerError.weightShapeMismatch(
        layer: layer, variable: name, expected: value.shape, received: newValue.shape)
    }
    value = newValue
  }

  /// Sets the accumulated gradient back to zero before the next batch, in its own memory.
  func clearGradient() {
    gradient.scalars.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
  }
}
