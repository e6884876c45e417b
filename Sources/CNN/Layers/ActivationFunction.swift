import Foundation

/// A function applied to every output of a layer, which lets a network learn more than straight
/// lines: `Conv2D(filters: 16, kernelSize: 3, activation: .relu)`.
///
/// The names and constants are Keras's (`keras.activations`): `.leakyRelu` uses a negative slope
/// of 0.2, `.elu` an alpha of 1, `.selu` the self-normalising constants, and `.softmax` works along
/// the last axis, turning scores into probabilities that add up to 1.
public enum ActivationFunction: String, Sendable, CaseIterable {
  /// The identity: no activation (Keras's `"linear"`, the default).
  case linear
  /// `max(0, x)`: keeps positive values and zeroes the rest.
  case relu
  /// `x` for positive values, `0.2·x` otherwise, so negative inputs still pass a little gradient.
  case leakyRelu = "leaky_relu"
  /// `x` for positive values, `eˣ − 1` otherwise.
  case elu
  /// `λ·x` for positive values, `λ·α·(eˣ − 1)` otherwise, with λ ≈ 1.0507 and α ≈ 1.6733.
  case selu
  /// `1 / (1 + e⁻ˣ)`: squashes any value into 0...1; used for two-class outputs.
  case sigmoid
  /// The hyperbolic tangent: squashes any value into −1...1.
  case tanh
  /// `eˣⁱ / Σⱼ eˣʲ` along the last axis: turns class scores into probabilities.
  case softmax

  /// The name Keras uses in configs and summaries (`"relu"`, `"leaky_relu"`).
  public var kerasName: String { rawValue }

  static let leakyReluSlope: Float = 0.2
  static let seluScale: Float = 1.050_700_987_355_480_5
  static let seluAlpha: Float = 1.673_263_242_354_377_2

  /// Returns the activation applied to `z`; a function with an output of its own (all but
  /// `.linear` and `.relu`, which return `z` or write into its copy) writes it into `storage` when
  /// that holds as many values (see `overwritableArray`).
  func apply(_ z: Tensor, writingInto storage: consuming [Float] = []) -> Tensor {
    switch self {
    case .linear: return z
    case .relu:
      var y = z
      ActivationFunction.rectify(&y.scalars)
      return y
    case .leakyRelu: return z.map({ $0 > 0 ? $0 : ActivationFunction.leakyReluSlope * $0 }, writingInto: storage)
    case .elu: return z.map({ $0 > 0 ? $0 : expm1($0) }, writingInto: storage)
    case .selu:
      return z.map(
        { ActivationFunction.seluScale * ($0 > 0 ? $0 : ActivationFunction.seluAlpha * expm1($0)) },
        writingInto: storage)
    case .sigmoid: return z.map(ActivationFunction.sigmoid, writingInto: storage)
    case .tanh: return z.map({ Foundation.tanh($0) }, writingInto: storage)
    case .softmax: return ActivationFunction.softmax(z, writingInto: storage)
    }
  }

  /// Returns ∂loss/∂z given ∂loss/∂y, where `y = apply(z)`; both `z` and `y` are passed so that
  /// each derivative uses whichever is cheaper. The result is written into the output
  /// gradient's own memory: a layer's backward pass owns it (see `Layer.backward`).
  func gradient(_ outputGradient: consuming Tensor, preActivation z: Tensor, output y: Tensor) -> Tensor {
    var result = outputGradient
    let derivative: (_ z: Float, _ y: Float) -> Float
    switch self {
    case .linear: return result
    case .relu:
      ActivationFunction.rectifyGradient(&result.scalars, output: y.scalars)
      return result
    case .softmax:
      ActivationFunction.softmaxGradient(&result.scalars, output: y)
      return result
    case .leakyRelu: derivative = { z, _ in z > 0 ? 1 : ActivationFunction.leakyReluSlope }
    case .elu: derivative = { z, y in z > 0 ? 1 : y + 1 }
    case .selu:
      derivative = { z, _ in
        ActivationFunction.seluScale * (z > 0 ? 1 : ActivationFunction.seluAlpha * Foundation.exp(z))
      }
    case .sigmoid: derivative = { _, y in y * (1 - y) }
    case .tanh: derivative = { _, y in 1 - y * y }
    }
    for i in result.scalars.indices {
      result.scalars[i] *= derivative(z.scalars[i], y.scalars[i])
    }
    return result
  }

  /// max(x, 0) of every value, in place, in a plain loop the compiler vectorises, shared out
  /// over the threads: ReLU is the activation almost every model uses, so it does not go through
  /// a closure per value.
  static func rectify(_ values: inout [Float]) {
    guard !values.isEmpty else { return }
    values.withUnsafeMutableBufferPointer { values in
      let (values, count) = (values.baseAddress!, values.count)
      ComputeThreads.forEachSlice(of: count) { slice in
        for index in slice { values[index] = Swift.max(values[index], 0) }
      }
    }
  }

  /// Turns ∂loss/∂y into ReLU's ∂loss/∂z in place: kept where y = max(z, 0) > 0 (exactly where
  /// z > 0), else 0; shared out over the threads. A layer's backward pass owns its output
  /// gradient, so this writes into memory nobody else reads.
  static func rectifyGradient(_ gradient: inout [Float], output y: [Float]) {
    precondition(gradient.count == y.count, "rectifyGradient: the gradient and the output differ in size")
    guard !gradient.isEmpty else { return }
    gradient.withUnsafeMutableBufferPointer { gradient in
      y.withUnsafeBufferPointer { y in
        let (gradient, y, count) = (gradient.baseAddress!, y.baseAddress!, y.count)
        ComputeThreads.forEachSlice(of: count) { slice in
          for index in slice { gradient[index] = y[index] > 0 ? gradient[index] : 0 }
        }
      }
    }
  }

  /// The logistic function, computed without overflow for large negative inputs.
  static func sigmoid(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
    let e = Foundation.exp(x)
    return e / (1 + e)
  }

  /// Softmax along the last axis; the row maximum is subtracted first so `exp` cannot overflow.
  static func softmax(_ z: Tensor, writingInto storage: consuming [Float] = []) -> Tensor {
    // Every value is written before it is read.
    var result = Tensor(shape: z.shape, scalars: overwritableArray(count: z.scalarCount, reusing: storage))
    let width = z.shape.last ?? 1
    guard width > 0 else { return result }
    for start in stride(from: 0, to: z.scalarCount, by: width) {
      let row = start..<(start + width)
      let largest = z.scalars[row].max() ?? 0
      var total: Float = 0
      for i in row {
        result.scalars[i] = Foundation.exp(z.scalars[i] - largest)
        total += result.scalars[i]
      }
      for i in row { result.scalars[i] /= total }
    }
    return result
  }

  /// Turns ∂loss/∂y into softmax's ∂loss/∂z along the last axis, in place:
  /// `y ⊙ (∂loss/∂y − Σ ∂loss/∂y ⊙ y)` row by row (each row's sum is taken before it is written).
  private static func softmaxGradient(_ gradient: inout [Float], output y: Tensor) {
    let width = y.shape.last ?? 1
    guard width > 0 else { return }
    for start in stride(from: 0, to: y.scalarCount, by: width) {
      let row = start..<(start + width)
      var dot: Float = 0
      for i in row { dot += gradient[i] * y.scalars[i] }
      for i in row { gradient[i] = y.scalars[i] * (gradient[i] - dot) }
    }
  }
}
