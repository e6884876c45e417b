import CNNTestSupport
import Foundation
import Testing

@testable import CNN

/// One convolution layer of a reference model, as trained: its input, filters and padding.
struct ReferenceConvolution: CustomTestStringConvertible, Sendable {
  let name: String
  let height: Int
  let width: Int
  let channels: Int
  let filters: Int
  let padding: Padding

  var testDescription: String { "\(name) \(height)×\(width)×\(channels) → \(filters), \(padding)" }

  var geometry: WindowGeometry? {
    WindowGeometry(input: (height, width, channels), window: (3, 3), strides: (1, 1), padding: padding)
  }

  /// The convolutions of `bigger` and `small` at 32×32×3, and of `small` at 180×180×3.
  static let all: [ReferenceConvolution] = [
    ReferenceConvolution(name: "bigger 1", height: 32, width: 32, channels: 3, filters: 32, padding: .same),
    ReferenceConvolution(name: "bigger 2", height: 32, width: 32, channels: 32, filters: 32, padding: .same),
    ReferenceConvolution(name: "bigger 3", height: 16, width: 16, channels: 32, filters: 64, padding: .same),
    ReferenceConvolution(name: "bigger 4", height: 16, width: 16, channels: 64, filters: 64, padding: .same),
    ReferenceConvolution(name: "small 1", height: 32, width: 32, channels: 3, filters: 16, padding: .valid),
    ReferenceConvolution(name: "small 2", height: 15, width: 15, channels: 16, filters: 32, padding: .valid),
    ReferenceConvolution(name: "small 3", height: 6, width: 6, channels: 32, filters: 64, padding: .valid),
    ReferenceConvolution(name: "small@180 1", height: 180, width: 180, channels: 3, filters: 16, padding: .valid),
    ReferenceConvolution(name: "small@180 2", height: 89, width: 89, channels: 16, filters: 32, padding: .valid),
    ReferenceConvolution(name: "small@180 3", height: 43, width: 43, channels: 32, filters: 64, padding: .valid),
  ]
}

@Suite(.isolatedSession) struct ConvolutionAlgorithmTests {
  @Test(arguments: ReferenceConvolution.all)
  func winogradIsChosenForThreeByThreeLayersFromThirtyTwoChannelsToSixtyFourFilters(
    _ layer: ReferenceConvolution
  ) throws {
    let g = try #require(layer.geometry)
    let chosen = ConvolutionAlgorithm.choose(for: g, filters: layer.filters)
    #expect(chosen == (layer.channels >= 32 && layer.filters == 64 ? .winograd : .windowed))
  }

  @Test func otherWindowsAndStridesAreConvolvedWindowByWindow() throws {
    let strided = try #require(WindowGeometry(input: (32, 32, 32), window: (3, 3), strides: (2, 2), padding: .same))
    let wide = try #require(WindowGeometry(input: (32, 32, 32), window: (5, 5), strides: (1, 1), padding: .same))
    let flat = try #require(WindowGeometry(input: (32, 32, 32), window: (3, 1), strides: (1, 1), padding: .same))
    for g in [strided, wide, flat] {
      #expect(ConvolutionAlgorithm.choose(for: g, filters: 64) == .windowed)
    }
  }

  /// Milliseconds per training step (forward, then backward) of each reference layer with both
  /// algorithms, batch 32, best of 5: run with `LESSON_BENCH_CONVOLUTION=1 swift test --filter
  /// ConvolutionAlgorithmTests`. The first layer of a model skips its input gradient, as in training.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["LESSON_BENCH_CONVOLUTION"] != nil))
  func printTheTimeOfEachAlgorithmOnTheReferenceLayers() throws {
    let batch = 32
    for layer in ReferenceConvolution.all {
      let g = try #require(layer.geometry)
      let input = Tensor(randomUniform: [batch * g.inputSize], in: -1...1, seed: 1).scalars
      let kernel = Tensor(randomUniform: [9 * layer.channels * layer.filters], in: -1...1, seed: 2).scalars
      let bias = Tensor(randomUniform: [layer.filters], in: -1...1, seed: 3).scalars
      let gradient = Tensor(
        randomUniform: [batch * g.outputHeight * g.outputWidth * layer.filters], in: -1...1, seed: 4
      ).scalars
      var line = layer.testDescription
      for algorithm in [ConvolutionAlgorithm.windowed, .winograd] {
        var (forward, backward) = (Double.infinity, Double.infinity)
        for _ in 0..<5 {
          let start = Date()
          let output = algorithm.forward(
            input: input, kernel: kernel, bias: bias, batch: batch, filters: layer.filters, geometry: g)
          let middle = Date()
          let gradients = algorithm.backward(
            input: input, kernel: kernel, outputGradient: gradient, batch: batch, filters: layer.filters,
            geometry: g, needsInputGradient: layer.channels != 3)
          let end = Date()
          #expect(output.count == gradient.count && gradients.kernel.count == kernel.count)
          forward = min(forward, middle.timeIntervalSince(start) * 1000)
          backward = min(backward, end.timeIntervalSince(middle) * 1000)
        }
        line += String(format: "  %@ %.2f + %.2f = %.2f ms", "\(algorithm)", forward, backward, forward + backward)
      }
      print(line)
    }
  }
}
