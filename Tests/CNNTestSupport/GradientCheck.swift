@testable import CNN

/// Compares an analytic gradient with central differences, `(f(x + h) − f(x − h)) / 2h`, with the
/// loss accumulated in Double.
///
/// Layers compute in Float, so each loss value carries a rounding error of about 1e-7 of its size;
/// with h = 1e-2 that error becomes about 1e-5 in the quotient, while the truncation error of
/// central differences is O(h²) ≈ 1e-4 of the third derivative. Hence the tolerance:
/// |analytic − numeric| ≤ 5e-4 + 2e-3 · max(|analytic|, |numeric|). Every layer's check passes at
/// 1e-4 + 1e-3 too; a 5 % error in one gradient fails by a factor of 20.
public struct GradientCheck: CustomStringConvertible {
  /// What was checked, for the failure message.
  public let label: String
  /// The worst element found.
  public private(set) var worstIndex = -1
  public private(set) var worstAnalytic = 0.0
  public private(set) var worstNumeric = 0.0
  public private(set) var worstExcess = -Double.infinity
  /// The number of elements compared.
  public private(set) var count = 0

  public static let step: Float = 1e-2
  public static let absoluteTolerance = 5e-4
  public static let relativeTolerance = 2e-3

  public init(label: String) {
    self.label = label
  }

  /// Whether every element was within tolerance.
  public var passes: Bool { count > 0 && worstExcess <= 0 }

  /// `TENSOR NOT OK: kernel of conv2d, element 17: analytic 0.1234, numeric 0.1301, relative error 5.1e-2`
  public var description: String {
    let relative =
      Swift.abs(worstAnalytic - worstNumeric) / Swift.max(Swift.abs(worstAnalytic), Swift.abs(worstNumeric), 1e-12)
    return "\(passes ? "OK" : "GRADIENT NOT OK"): \(label), \(count) elements; worst element \(worstIndex): "
      + "analytic \(worstAnalytic), numeric \(worstNumeric), relative error \(relative)"
  }

  /// Compares `analytic[i]` with the central difference of `loss` around `values[i]` for every
  /// index in `indices` (all by default).
  ///
  /// - Parameters:
  ///   - values: the tensor being perturbed; restored after each element.
  ///   - loss: recomputes the loss from the current `values`.
  public mutating func compare(
    analytic: Tensor, values: inout Tensor, indices: [Int]? = nil, loss: (Tensor) -> Double
  ) {
    precondition(analytic.scalarCount == values.scalarCount, "\(label): gradient and values differ in size")
    for i in indices ?? Array(values.scalars.indices) {
      let original = values.scalars[i]
      values.scalars[i] = original + GradientCheck.step
      let plus = loss(values)
      values.scalars[i] = original - GradientCheck.step
      let minus = loss(values)
      values.scalars[i] = original
      // The step actually taken, after rounding to Float.
      let h = Double(original + GradientCheck.step) - Double(original - GradientCheck.step)
      record(index: i, analytic: Double(analytic.scalars[i]), numeric: (plus - minus) / h)
    }
  }

  private mutating func record(index: Int, analytic: Double, numeric: Double) {
    count += 1
    let allowed =
      GradientCheck.absoluteTolerance
      + GradientCheck.relativeTolerance * Swift.max(Swift.abs(analytic), Swift.abs(numeric))
    let excess = Swift.abs(analytic - numeric) - allowed
    if excess > worstExcess || !excess.isFinite {
      (worstIndex, worstAnalytic, worstNumeric, worstExcess) = (
        index, analytic, numeric, excess.isFinite ? excess : .infinity
      )
    }
  }
}

/// Returns `Σ weights ⊙ output` in Double: a loss whose gradient with respect to `output` is
/// `weights`, so that every output element matters to the check.
public func weightedSum(_ output: Tensor, weights: Tensor) -> Double {
  zip(output.scalars, weights.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
}

/// Checks `layer`'s backward pass: the gradient with respect to its input and each of its
/// variables, against central differences of `Σ weights ⊙ layer(input)`.
///
/// - Returns: one check per tensor (the input first, then each variable).
public func checkLayerGradients(_ layer: Layer, input: Tensor, seed: UInt64 = 7) throws -> [GradientCheck] {
  try layer.build(inputShape: Array(input.shape.dropFirst()))
  let output = layer.forward(input, training: true)
  let weights = Tensor(randomUniform: output.shape, in: -1...1, seed: seed)
  for variable in layer.variables { variable.clearGradient() }
  let inputGradient = layer.backward(weights)

  var checks: [GradientCheck] = []
  var inputCheck = GradientCheck(label: "input of \(layer.name)")
  var perturbed = input
  inputCheck.compare(analytic: inputGradient, values: &perturbed) { x in
    weightedSum(layer.forward(x, training: false), weights: weights)
  }
  checks.append(inputCheck)

  for variable in layer.variables {
    var check = GradientCheck(label: "\(variable.name) of \(layer.name)")
    var values = variable.value
    let analytic = variable.gradient
    check.compare(analytic: analytic, values: &values) { newValues in
      variable.value = newValues
      return weightedSum(layer.forward(input, training: false), weights: weights)
    }
    variable.value = values
    checks.append(check)
  }
  return checks
}

/// Returns a tensor of `shape` whose values are all different and at least `spacing` apart, in a
/// shuffled order: inputs for checking max pooling and ReLU, whose gradients jump where two values
/// tie or a value crosses zero.
public func distinctValues(_ shape: [Int], spacing: Float = 0.05, seed: UInt64 = 3) -> Tensor {
  let count = shape.reduce(1, *)
  var generator = RandomGenerator(seed: seed)
  var values = (0..<count).map { Float($0 - count / 2) * spacing + spacing / 2 }
  generator.shuffle(&values)
  return Tensor(shape: shape, scalars: values)
}
