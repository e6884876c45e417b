import Foundation

/// One 3×3 stride-1 convolution of the reference models, timed by `KernelBenchmark.convolutions`.
public struct ReferenceConvolution: Sendable {
  /// The model and the layer's place in it: "bigger 2", "small@180 1".
  public let name: String
  /// The input's height, width and channels.
  public let height: Int, width: Int, channels: Int
  /// The number of filters.
  public let filters: Int
  /// Whether the kernel may hang over the border (`bigger`) or not (`small`).
  public let padding: Padding

  /// "bigger 2 32×32×32 → 32, same".
  public var description: String { "\(name) \(height)×\(width)×\(channels) → \(filters), \(padding)" }

  var geometry: WindowGeometry? {
    WindowGeometry(input: (height, width, channels), window: (3, 3), strides: (1, 1), padding: padding)
  }

  /// The convolutions of `bigger` and `small` at 32×32×3, and of `small` at 180×180×3.
  public static let all: [ReferenceConvolution] = [
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

/// A reference convolution's training step with one algorithm (`lesson bench convolutions`).
public struct ConvolutionTiming: Sendable {
  /// The layer timed.
  public let layer: ReferenceConvolution
  /// "windowed" or "winograd".
  public let algorithm: String
  /// Whether `Conv2D` uses this algorithm for this layer.
  public let isChosen: Bool
  /// The best forward pass, in milliseconds.
  public let forwardMilliseconds: Double
  /// The best backward pass (both gradients; the kernel's only for a first layer), in milliseconds.
  public let backwardMilliseconds: Double
}

extension KernelBenchmark {
  /// Times a training step of each reference convolution with each algorithm, batch `batch`,
  /// the best of `rounds`: the figures `ConvolutionAlgorithm.choose` was set from. A layer on
  /// 3 channels (a model's first) skips its input gradient, as in training.
  public static func convolutions(batch: Int = 32, rounds: Int = 5) -> [ConvolutionTiming] {
    ReferenceConvolution.all.flatMap { layer -> [ConvolutionTiming] in
      guard let g = layer.geometry else { return [] }
      let input = Tensor(randomUniform: [batch * g.inputSize], in: -1...1, seed: 1).scalars
      let kernel = Tensor(randomUniform: [g.patchSize * layer.filters], in: -1...1, seed: 2).scalars
      let bias = Tensor(randomUniform: [layer.filters], in: -1...1, seed: 3).scalars
      let outputs = batch * g.outputHeight * g.outputWidth * layer.filters
      let gradient = Tensor(randomUniform: [outputs], in: -1...1, seed: 4).scalars
      let chosen = ConvolutionAlgorithm.choose(for: g, filters: layer.filters)
      return [ConvolutionAlgorithm.windowed, .winograd].map { algorithm in
        var (forward, backward) = (Double.infinity, Double.infinity)
        for _ in 0..<max(1, rounds) {
          let start = Date()
          _ = algorithm.forward(
            input: input, kernel: kernel, bias: bias, batch: batch, filters: layer.filters, geometry: g)
          let middle = Date()
          _ = algorithm.backward(
            input: input, kernel: kernel, outputGradient: gradient, batch: batch, filters: layer.filters,
            geometry: g, needsInputGradient: layer.channels != 3)
          forward = min(forward, middle.timeIntervalSince(start) * 1000)
          backward = min(backward, Date().timeIntervalSince(middle) * 1000)
        }
        return ConvolutionTiming(
          layer: layer, algorithm: "\(algorithm)", isChosen: algorithm == chosen, forwardMilliseconds: forward,
          backwardMilliseconds: backward)
      }
    }
  }
}
