import Foundation

/// Adam: gradient descent with a running mean of the gradients (momentum) and of their squares
/// (a per-weight step size). The usual first choice; Keras's defaults and update rule:
///
///     m ← m + (g − m)(1 − β₁)            v ← v + (g² − v)(1 − β₂)
///     α ← lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ)     w ← w − α · m / (√v + ε)
///
/// with `t` the step number from 1. (ε sits outside the bias correction, as in Keras; PyTorch
/// places it differently, so the two differ slightly in the first steps.)
public final class Adam: Optimizer {
  /// The decay rate of the running mean of gradients.
  public let beta1: Float
  /// The decay rate of the running mean of squared gradients.
  public let beta2: Float
  /// A small number that keeps the step finite where `v` is zero.
  public let epsilon: Float

  /// Creates an Adam optimizer. Keras defaults: learning rate 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7.
  public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    super.init(className: "Adam", kerasName: "adam", learningRate: learningRate)
  }

  override var slotsPerVariable: Int { 2 }

  override var rateSettings: [(String, Float)] { [("beta1", beta1), ("beta2", beta2)] }

  override func update(_ value: inout Tensor, gradient: Tensor, slots: inout [Tensor], step: Int) {
    guard value.scalarCount > 0 else { return }
    let t = Double(step)
    let correction = Double(learningRate) * (1 - pow(Double(beta2), t)).squareRoot() / (1 - pow(Double(beta1), t))
    let alpha = Float(correction)
    let (keep1, keep2) = (1 - beta1, 1 - beta2)
    let epsilon = epsilon
    // Through pointers, once per variable: the same arithmetic in the same order, without a
    // copy-on-write check per value. The moments are moved out of `slots` (leaving it empty for
    // a moment), so that each is uniquely referenced and changed in place.
    var means = slots[0].scalars
    var meanSquares = slots[1].scalars
    slots[0].scalars = []
    slots[1].scalars = []
    defer {
      slots[0].scalars = means
      slots[1].scalars = meanSquares
    }
    // Each value is updated on its own, so slices of them go to the threads.
    value.scalars.withUnsafeMutableBufferPointer { value in
      gradient.scalars.withUnsafeBufferPointer { gradient in
        means.withUnsafeMutableBufferPointer { mean in
          meanSquares.withUnsafeMutableBufferPointer { meanSquare in
            let count = value.count
            let (value, gradient) = (value.baseAddress!, gradient.baseAddress!)
            let (mean, meanSquare) = (mean.baseAddress!, meanSquare.baseAddress!)
            ComputeThreads.forEachSlice(of: count) { slice in
              for i in slice {
                let g = gradient[i]
                mean[i] += (g - mean[i]) * keep1
                meanSquare[i] += (g * g - meanSquare[i]) * keep2
                value[i] -= alpha * mean[i] / (meanSquare[i].squareRoot() + epsilon)
              }
            }
          }
        }
      }
    }
  }

  override var argumentsConfig: JSONObject {
    [
      "beta_1": .number(Double(beta1)),
      "beta_2": .number(Double(beta2)),
      "epsilon": .number(Double(epsilon)),
      "amsgrad": false,
    ]
  }
}
