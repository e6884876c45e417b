import CNNTestSupport
import Testing

@testable import CNN

/// The convolution pooled as it is computed gives the pooled values and winners of the
/// convolution followed by the pooling, bit for bit; and its backward pass, reading the output
/// gradient image by image as the pooling writes it, gives the gradients of the stored one.
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

  /// Image height, width, channels, filters, stride, batch: groups of many small images, and
  /// images larger than a group (`imagesPerGradientGroup`).
  static let backwardShapes: [(Int, Int, Int, Int, Int, Int)] = [
    (8, 8, 3, 16, 1, 5),  // 36 positions: all five images in one group
    (49, 48, 2, 16, 1, 3),  // 2,162 positions: one image a group
    (20, 17, 4, 8, 2, 4),  // strided, filters not a whole panel
  ]

  @Test(arguments: backwardShapes.indices, [1, 2])
  func anOutputGradientWrittenImageByImageGivesTheStoredOnesGradients(index: Int, threads: Int) throws {
    let (height, width, channels, filters, stride, batch) = Self.backwardShapes[index]
    let g = try #require(
      WindowGeometry(input: (height, width, channels), window: (3, 3), strides: (stride, stride), padding: .valid))
    let input = Tensor(randomUniform: [batch * g.inputSize], in: -1...1, seed: 41).scalars
    let kernel = Tensor(randomUniform: [g.patchSize * filters], in: -1...1, seed: 42).scalars
    let perImage = g.outputHeight * g.outputWidth * filters
    let gradient = Tensor(randomUniform: [batch * perImage], in: -1...1, seed: 43).scalars
    for needsInputGradient in [false, true] {
      let stored = convolutionBackward(
        input: input, kernel: kernel, outputGradient: gradient, batch: batch, filters: filters, geometry: g,
        needsInputGradient: needsInputGradient, threads: threads)
      // Threads write different images: each counts its own images' writes.
      let writes = UnsafeMutableBufferPointer<Int>.allocate(capacity: batch)
      writes.initialize(repeating: 0)
      defer { writes.deallocate() }
      let imageByImage = convolutionBackward(
        input: input, kernel: kernel, outputGradient: [], batch: batch, filters: filters, geometry: g,
        needsInputGradient: needsInputGradient, threads: threads
      ) { n, buffer in
        writes[n] += 1
        for i in 0..<perImage { buffer[i] = gradient[n * perImage + i] }
      }
      let label = "input gradient \(needsInputGradient ? "needed" : "not needed")"
      #expect(imageByImage.kernel.map(\.bitPattern) == stored.kernel.map(\.bitPattern), "\(label)")
      #expect(imageByImage.bias.map(\.bitPattern) == stored.bias.map(\.bitPattern), "\(label)")
      #expect(imageByImage.input.map(\.bitPattern) == stored.input.map(\.bitPattern), "\(label)")
      #expect(imageByImage.input.count == (needsInputGradient ? batch * g.inputSize : 0), "\(label)")
      #expect(Array(writes) == [Int](repeating: 1, count: batch), "each image's gradient is written once")
    }
  }
}
