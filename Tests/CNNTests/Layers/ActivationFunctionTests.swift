import CNNTestSupport
import Foundation
import Testing

@testable import CNN

@Suite(.isolatedSession) struct ActivationFunctionTests {
  let z = Tensor([-2, -0.5, 0, 0.5, 2])

  func values(_ f: ActivationFunction) -> [Float] { f.apply(z).scalars }

  @Test func reluZeroesNegatives() {
    #expect(values(.relu) == [0, 0, 0, 0.5, 2])
  }

  /// 100,003 values: enough for the elementwise loops to be shared out over the threads, and
  /// not a whole number of their slices.
  @Test func reluAndItsGradientOnALongTensorFollowTheirDefinitions() {
    let count = 100_003
    var values = Tensor(randomUniform: [count], in: -1...1, seed: 3).scalars
    let original = values
    ActivationFunction.rectify(&values)
    #expect(values == original.map { Swift.max($0, 0) })
    let outputGradient = Tensor(randomUniform: [count], in: -1...1, seed: 4).scalars
    var gradient = outputGradient
    ActivationFunction.rectifyGradient(&gradient, output: values)
    #expect(gradient == zip(outputGradient, original).map { $1 > 0 ? $0 : 0 })
  }

  @Test func leakyReluKeepsAFifthOfNegatives() {
    #expect(values(.leakyRelu) == [-0.4, -0.1, 0, 0.5, 2])
  }

  @Test func eluAndSeluFollowKerasFormulas() {
    let elu = values(.elu)
    #expect(Swift.abs(elu[0] - (exp(-2) - 1)) < 1e-6)
    #expect(elu[4] == 2)
    // selu(x) = 1.0507009873554805 · x for x > 0, · 1.6732632423543772 · (eˣ − 1) otherwise
    let selu = values(.selu)
    #expect(Swift.abs(selu[4] - 2.101_402) < 1e-5)
    #expect(Swift.abs(selu[0] - 1.050_701 * 1.673_263 * (exp(-2) - 1)) < 1e-5)
  }

  @Test func sigmoidAndTanhSquash() {
    let sigmoid = values(.sigmoid)
    #expect(sigmoid[2] == 0.5)
    #expect(Swift.abs(sigmoid[4] - 1 / (1 + exp(-2))) < 1e-6)
    #expect(ActivationFunction.sigmoid(-100) >= 0)
    #expect(ActivationFunction.sigmoid(-100) < 1e-30)
    #expect(Swift.abs(values(.tanh)[0] - tanh(-2)) < 1e-6)
  }

  @Test func softmaxRowsAreProbabilities() {
    let p = ActivationFunction.softmax.apply(Tensor([[1, 2, 3], [1000, 1000, 1000]]))
    #expect(Swift.abs(p[0].sum() - 1) < 1e-6)
    #expect(p.argmax(axis: 1)[0] == 2)
    // A large input does not overflow: the row maximum is subtracted first.
    #expect(p[1].scalars.allSatisfy { Swift.abs($0 - 1.0 / 3) < 1e-6 })
    // e¹/(e¹+e²+e³) = 0.09003057
    #expect(Swift.abs(p[0, 0] - 0.090_030_57) < 1e-6)
  }

  @Test func namesAreKerasNames() {
    #expect(
      ActivationFunction.allCases.map(\.kerasName) == [
        "linear", "relu", "leaky_relu", "elu", "selu", "sigmoid", "tanh", "softmax",
      ])
  }
}
