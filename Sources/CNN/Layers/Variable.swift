/// One learned array of a layer, such as the kernel or the bias of a `Conv2D`, together with the
/// gradient that training accumulates for it (Keras's `Variable`).
public final class Variable {
  /// The variable's name within its layer: `kernel`, `bias`.
  public let name: String

  /// The current values.
  public internal(set) var value: Tensor

  /// ∂loss/∂value summed over the current batch; the optimizer reads it, then it is cleared.
  public internal(set) var gradient: Tensor {
    get {
      if isGradientCleared { zeroGradientStorage() }
      return storedGradient
    }
    set {
      storedGradient = newValue
      isGradientCleared = false
    }
  }

  private var storedGradient: Tensor
  /// Whether the gradient was cleared and its storage not zeroed yet: the next batch's first
  /// contribution then writes it instead of adding to zeros (see `clearGradient`).
  private var isGradientCleared = false

  /// Whether the optimizer updates this variable.
  public let isTrainable: Bool

  init(name: String, value: Tensor, isTrainable: Bool = true) {
    self.name = name
    self.value = value
    self.storedGradient = Tensor(zeros: value.shape)
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

  /// Sets the accumulated gradient back to zero before the next batch. Its memory is not
  /// zeroed: the next contribution is written over it (at 180×180 the `small` model's dense
  /// kernel gradient is 27.5 MB, a pass to clear and a pass to read back every step), and a
  /// read before that sees zeros.
  func clearGradient() {
    isGradientCleared = true
  }

  /// Lets `add` put one batch's ∂loss/∂value into the gradient's own storage (a kernel writing
  /// its product with `accumulate`), instead of into an array that is then added: adding to
  /// what is there when `adds`, writing over it when the gradient was just cleared.
  func accumulateGradient(_ add: (_ sums: UnsafeMutablePointer<Float>, _ adds: Bool) -> Void) {
    guard storedGradient.scalarCount > 0 else { return }
    let adds = !isGradientCleared
    isGradientCleared = false
    storedGradient.scalars.withUnsafeMutableBufferPointer { add($0.baseAddress!, adds) }
  }

  /// Adds one batch's ∂loss/∂value to the gradient (writes it, just after `clearGradient`), in
  /// slices shared out over the threads.
  func accumulateGradient(_ values: [Float]) {
    precondition(values.count == storedGradient.scalarCount, "gradient of \(name) has the wrong size")
    guard !values.isEmpty else { return }
    let adds = !isGradientCleared
    isGradientCleared = false
    storedGradient.scalars.withUnsafeMutableBufferPointer { sums in
      values.withUnsafeBufferPointer { values in
        let (sums, values, count) = (sums.baseAddress!, values.baseAddress!, values.count)
        ComputeThreads.forEachSlice(of: count) { slice in
          if adds {
            for i in slice { sums[i] += values[i] }
          } else {
            for i in slice { sums[i] = values[i] }
          }
        }
      }
    }
  }

  private func zeroGradientStorage() {
    isGradientCleared = false
    storedGradient.scalars.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
  }
}
