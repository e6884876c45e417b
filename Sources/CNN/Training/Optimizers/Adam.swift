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
              // Sixteen values at a time, then one at a time: the same operations either way,
              // so every value gets the same bits wherever it falls.
              typealias Lanes = SIMD16<Float>
              func load(_ pointer: UnsafeMutablePointer<Float>) -> Lanes {
                UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
              }
              func store(_ lanes: Lanes, _ pointer: UnsafeMutablePointer<Float>) {
                UnsafeMutableRawPointer(pointer).storeBytes(of: lanes, as: Lanes.self)
              }
              let tiny = Float.leastNormalMagnitude
              var i = slice.lowerBound
              while i &+ 16 <= slice.upperBound {
                let g = UnsafeRawPointer(gradient + i).loadUnaligned(as: Lanes.self)
                var m = load(mean + i)
                var v = load(meanSquare + i)
                m += (g - m) * keep1
                v += (g * g - v) * keep2
                m.replace(with: 0, where: m .< tiny .& m .> -tiny)
                v.replace(with: 0, where: v .< tiny)
                store(m, mean + i)
                store(v, meanSquare + i)
                store(load(value + i) - alpha * m / (v.squareRoot() + epsilon), value + i)
                i &+= 16
              }
              for i in i..<slice.upperBound {
                let g = gradient[i]
                let m = (mean[i] + (g - mean[i]) * keep1).flushedToZero
                let v = (meanSquare[i] + (g * g - meanSquare[i]) * keep2).flushedToZero
                (mean[i], meanSquare[i]) = (m, v)
                value[i] -= alpha * m / (v.squareRoot() + epsilon)
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
