import CNNTestSupport
import Testing

@testable import CNN

/// The convolution pooled as it is computed gives the pooled values and winners of the
/// convolution followed by the pooling, bit for bit.
@Suite(.isolatedSession) struct ConvolutionPoolingTests {
  /// Image height, width, channels, filters, convolution padding, pooling window.
  static let shapes: [(Int, Int, Int, Int, Padding, Int)] = [
    (10, 10, 3, 16, .valid, 2),  // even output: 8×8 pooled to 4×4
    (11, 12, 3, 16, .valid, 2),  // odd output rows: the last one is not pooled
    (9, 9, 16, 32, .same, 2),  // padded images, odd sizes
    (13, 11, 1, 16, .valid, 3),  // 3×3 windows with stride 3
  ]

  @Test(arguments: shapes.indices, [1, 2])
  func poolingAsItIsComputedGivesThePoolingOfTheConvolution(index: Int, threads: Int) throws {
    let (height, width, channels, filters, padding, window) = Self.shapes[index]
    let g = try #require(
      WindowGeometry(input: (height, width, channels), window: (3, 3), strides: (1, 1), padding: padding))
    let p = try #require(
      WindowGeometry(
        input: (g.outputHeight, g.outputWidth, filters), window: (window, window), strides: (window, window),
        padding: .valid))
    let batch = 3
    let input = Tensor(randomUniform: [batch * g.inputSize], in: -1...1, seed: 31).scalars
    let kernel = Tensor(randomUniform: [g.patchSize * filters], in: -1...1, seed: 32).scalars
    let bias = Tensor(randomUniform: [filters], in: -0.2...0.2, seed: 33).scalars
    let convolved = convolutionForward(
      input: input, kernel: kernel, bias: bias, batch: batch, filters: filters, geometry: g, rectifies: true)
    let expected = maxPoolingForward(input: convolved, batch: batch, geometry: p)
    let fused = convolutionForwardPooled(
      input: input, kernel: kernel, bias: bias, batch: batch, filters: filters, geometry: g, pool: p,
      threads: threads)
    #expect(fused.output.map(\.bitPattern) == expected.output.map(\.bitPattern))
    #expect(fused.winners == expected.winners)
    #expect(fused.output.contains { $0 > 0 })
  }
}
