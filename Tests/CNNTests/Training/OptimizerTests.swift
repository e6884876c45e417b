import CNNTestSupport
import Foundation
import Testing

@testable import CNN

/// Each optimizer takes two steps on one weight w = 1 with gradients 0.5 then −0.2; the expected
/// weights are Keras's update formulas evaluated by hand in Double (written out in each test).
@Suite(.isolatedSession) struct OptimizerTests {
  func twoSteps(_ optimizer: Optimizer) -> [Float] {
    let variable = Variable(name: "w", value: Tensor([1]))
    var weights: [Float] = []
    for g in [Float(0.5), -0.2] {
      variable.gradient = Tensor([g])
      optimizer.apply(to: [variable])
      weights.append(variable.value.scalars[0])
    }
    return weights
  }

  func expectClose(_ got: [Float], _ expected: [Double]) {
    #expect(got.count == expected.count)
    for (g, e) in zip(got, expected) { #expect(Swift.abs(Double(g) - e) < 1e-6, "got \(g), expected \(e)") }
  }

  @Test func adamFollowsKerasFormula() {
    var (w, m, v) = (1.0, 0.0, 0.0)
    var expected: [Double] = []
    for (t, g) in [(1.0, 0.5), (2.0, -0.2)] {
      m += (g - m) * (1 - 0.9)
      v += (g * g - v) * (1 - 0.999)
      let alpha = 0.001 * (1 - pow(0.999, t)).squareRoot() / (1 - pow(0.9, t))
      w -= alpha * m / (v.squareRoot() + 1e-7)
      expected.append(w)
    }
    expectClose(twoSteps(Adam()), expected)
  }

  @Test func sgdWithMomentumFollowsKerasFormula() {
    var (w, m) = (1.0, 0.0)
    var expected: [Double] = []
    for g in [0.5, -0.2] {
      m = 0.9 * m - 0.1 * g
      w += m
      expected.append(w)
    }
    expectClose(twoSteps(SGD(learningRate: 0.1, momentum: 0.9)), expected)
  }

  @Test func nesterovLooksAheadAlongTheMomentum() {
    var (w, m) = (1.0, 0.0)
    var expected: [Double] = []
    for g in [0.5, -0.2] {
      m = 0.9 * m - 0.1 * g
      w += 0.9 * m - 0.1 * g
      expected.append(w)
    }
    expectClose(twoSteps(SGD(learningRate: 0.1, momentum: 0.9, nesterov: true)), expected)
  }

  @Test func plainSGDStepsAgainstTheGradient() {
    expectClose(twoSteps(SGD()), [1 - 0.01 * 0.5, 1 - 0.01 * 0.5 + 0.01 * 0.2])
  }

  @Test func rmspropFollowsKerasFormula() {
    var (w, v) = (1.0, 0.0)
    var expected: [Double] = []
    for g in [0.5, -0.2] {
      v = 0.9 * v + 0.1 * g * g
      w -= 0.001 * g / (v + 1e-7).squareRoot()
      expected.append(w)
    }
    expectClose(twoSteps(RMSprop()), expected)
  }

  @Test func centeredRMSpropWithMomentumFollowsKerasFormula() {
    var (w, v, a, m) = (1.0, 0.0, 0.0, 0.0)
    var expected: [Double] = []
    for g in [0.5, -0.2] {
      v = 0.9 * v + 0.1 * g * g
      a = 0.9 * a + 0.1 * g
      m = 0.5 * m + 0.01 * g / (v - a * a + 1e-7).squareRoot()
      w -= m
      expected.append(w)
    }
    expectClose(twoSteps(RMSprop(learningRate: 0.01, momentum: 0.5, centered: true)), expected)
  }

  /// A weight whose gradient stays zero (a unit switched off by its ReLU) has its running
  /// averages shrink every step; they go to zero rather than into the slow subnormal range.
  @Test(arguments: ["Adam", "SGD", "RMSprop"])
  func runningAveragesOfAZeroGradientEndAtZeroNotSubnormal(_ name: String) {
    let optimizer: Optimizer =
      switch name {
      case "Adam": Adam()
      case "SGD": SGD(learningRate: 0.01, momentum: 0.9)
      default: RMSprop(momentum: 0.5, centered: true)
      }
    let variable = Variable(name: "w", value: Tensor([1, -1]))
    variable.gradient = Tensor([0.01, -0.01])
    optimizer.apply(to: [variable])
    for _ in 0..<2000 { optimizer.apply(to: [variable]) }
    let state = optimizer.slots.flatMap { $0.flatMap(\.scalars) }
    #expect(!state.isEmpty && state.allSatisfy { $0 == 0 || $0.isNormal }, "\(state)")
    #expect(state.contains(0), "\(state)")
  }

  @Test func applyingClearsTheGradientsAndCountsIterations() {
    let optimizer = Adam()
    let variable = Variable(name: "w", value: Tensor([1, 2]))
    variable.gradient = Tensor([1, 1])
    optimizer.apply(to: [variable])
    #expect(variable.gradient == Tensor([0, 0]))
    #expect(optimizer.iterations == 1)
  }

  /// A cleared gradient is not zeroed in memory: it reads as zeros, and the next batch's first
  /// contribution is written over the old values rather than added to them.
  @Test func aClearedGradientReadsAsZerosAndIsWrittenOver() {
    let variable = Variable(name: "w", value: Tensor([1, 2, 3]))
    variable.accumulateGradient([1, 1, 1])
    variable.accumulateGradient([0.5, 0.5, 0.5])
    #expect(variable.gradient == Tensor([1.5, 1.5, 1.5]))
    variable.clearGradient()
    variable.accumulateGradient([2, 3, 4])
    #expect(variable.gradient == Tensor([2, 3, 4]))
    variable.clearGradient()
    var calls: [Bool] = []
    for _ in 0..<2 {
      variable.accumulateGradient { sums, adds in
        calls.append(adds)
        for i in 0..<3 { sums[i] = adds ? sums[i] + 1 : 1 }
      }
    }
    #expect(calls == [false, true] && variable.gradient == Tensor([2, 2, 2]))
    variable.clearGradient()
    #expect(variable.gradient == Tensor([0, 0, 0]))
  }

  @Test func defaultsAreKerasDefaults() {
    let adam = Adam()
    #expect(adam.learningRate == 0.001 && adam.beta1 == 0.9 && adam.beta2 == 0.999 && adam.epsilon == 1e-7)
    #expect(SGD().learningRate == 0.01)
    #expect(RMSprop().rho == 0.9)
    #expect(adam.config["name"] == "adam")
    #expect(SGD().config["name"] == "SGD")
    #expect(adam.config.keys.suffix(4) == ["beta_1", "beta_2", "epsilon", "amsgrad"])
  }

  @Test func settingsOutOfRangeAreNamed() {
    #expect(
      Adam(learningRate: -1).settingsProblem()?.description.contains("Adam learningRate must be a positive number")
        == true)
    #expect(SGD(momentum: 1.5).settingsProblem()?.description == "SGD momentum must be between 0 and 1, but it is 1.5.")
    #expect(Adam(beta1: 1).settingsProblem() != nil)
    #expect(Adam().settingsProblem() == nil)
  }
}
