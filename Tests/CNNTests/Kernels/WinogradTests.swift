import CNNTestSupport
import Testing

@testable import CNN

/// A stride-1 3×3 convolution to compute with Winograd: batch, image, channels, filters, padding.
struct WinogradCase: CustomTestStringConvertible, Sendable {
  let batch: Int
  let height: Int
  let width: Int
  let channels: Int
  let filters: Int
  let padding: Padding

  init(_ batch: Int, _ height: Int, _ width: Int, _ channels: Int, _ filters: Int, _ padding: Padding) {
    (self.batch, self.height, self.width, self.channels, self.filters, self.padding) =
      (batch, height, width, channels, filters, padding)
  }

  var testDescription: String { "\(batch)×\(height)×\(width)×\(channels) * 3×3→\(filters), \(padding)" }

  var geometry: WindowGeometry? {
    WindowGeometry(input: (height, width, channels), window: (3, 3), strides: (1, 1), padding: padding)
  }

  /// Odd and even sizes (one tile, a ragged last tile, 1×1 to 9×9), channels and filters of 1,
  /// 3, 16, 17 and 33 (below, at and past a 16-lane vector), batches of 1, 2 and 5, both paddings;
  /// then layers of the `bigger` model, cut into several chunks.
  static let shapes: [WinogradCase] = [
    WinogradCase(1, 1, 1, 1, 1, .same),
    WinogradCase(5, 2, 2, 3, 3, .same),
    WinogradCase(1, 3, 3, 16, 17, .valid),
    WinogradCase(5, 3, 3, 17, 16, .same),
    WinogradCase(1, 5, 7, 33, 3, .same),
    WinogradCase(5, 5, 7, 3, 33, .valid),
    WinogradCase(1, 7, 5, 1, 16, .same),
    WinogradCase(5, 8, 6, 16, 1, .valid),
    WinogradCase(1, 6, 9, 17, 33, .same),
    WinogradCase(5, 4, 4, 33, 17, .valid),
    WinogradCase(1, 2, 7, 16, 16, .same),
    WinogradCase(1, 1, 5, 3, 16, .same),
    WinogradCase(2, 32, 32, 32, 32, .same),
    WinogradCase(2, 16, 16, 64, 64, .same),
  ]

  /// Random input, kernel, bias and ∂output in −1…1.
  func values(seed: UInt64) throws -> (input: [Float], kernel: [Float], bias: [Float], gradient: [Float]) {
    let g = try #require(geometry)
    return (
      Tensor(randomUniform: [batch * g.inputSize], in: -1...1, seed: seed).scalars,
      Tensor(randomUniform: [9 * channels * filters], in: -1...1, seed: seed + 1).scalars,
      Tensor(randomUniform: [filters], in: -1...1, seed: seed + 2).scalars,
      Tensor(randomUniform: [batch * g.outputHeight * g.outputWidth * filters], in: -1...1, seed: seed + 3).scalars
    )
  }
}

@Suite(.isolatedSession) struct WinogradTests {
  /// The largest error allowed, relative to the largest sum of term magnitudes in the same
  /// result (Σ|x·w| + |b| for an output, Σ|∂y·w| for an input gradient, Σ|∂y·x| for a kernel
  /// gradient). Winograd's error is bounded tile by tile, not value by value: a value that is a
  /// single small term is still computed from transformed sums of its neighbours, so it is
  /// compared with the largest magnitude around, as in Barabasz et al.'s error analysis (2020).
  /// Measured on these shapes (Linux, x86-64 with FMA): at most 2.3e-7 for outputs, 1.9e-7 for
  /// input gradients and 3.3e-7 for kernel gradients; value by value, relative to each value's
  /// own magnitude, up to 1.8e-5 (a kernel gradient of one tile).
  static let bound: Float = 1e-6

  /// Expects every element of `fast` within `bound` times the largest of `magnitude` of
  /// `reference`.
  func expectClose(_ fast: [Float], _ reference: [Float], magnitude: [Float], _ what: String) {
    #expect(fast.count == reference.count, "\(what): sizes differ")
    let isFinite = fast.allSatisfy { $0.isFinite }
    #expect(isFinite, "\(what): a value is not finite")
    let largest = magnitude.max() ?? 0
    let worst = zip(fast, reference).map { Swift.abs($0 - $1) }.max() ?? 0
    #expect(worst <= Self.bound * largest, "\(what): error \(worst / largest) of the largest magnitude")
  }

  @Test(arguments: WinogradCase.shapes)
  func forwardMatchesTheDirectDefinition(_ c: WinogradCase) throws {
    let g = try #require(c.geometry)
    let (input, kernel, bias, _) = try c.values(seed: 1)
    let fast = winogradConvolutionForward(
      input: input, kernel: kernel, bias: bias, batch: c.batch, filters: c.filters, geometry: g)
    let reference = referenceConvolutionForward(
      input: input, kernel: kernel, bias: bias, batch: c.batch, filters: c.filters, geometry: g)
    let magnitude = referenceConvolutionForward(
      input: input.map(abs), kernel: kernel.map(abs), bias: bias.map(abs), batch: c.batch, filters: c.filters,
      geometry: g)
    expectClose(fast, reference, magnitude: magnitude, "output")
  }

  @Test(arguments: WinogradCase.shapes)
  func gradientsMatchTheDirectDefinition(_ c: WinogradCase) throws {
    let g = try #require(c.geometry)
    let (input, kernel, _, gradient) = try c.values(seed: 5)
    let fast = winogradConvolutionBackward(
      input: input, kernel: kernel, outputGradient: gradient, batch: c.batch, filters: c.filters, geometry: g)
    let reference = referenceConvolutionBackward(
      input: input, kernel: kernel, outputGradient: gradient, batch: c.batch, filters: c.filters, geometry: g)
    let magnitude = referenceConvolutionBackward(
      input: input.map(abs), kernel: kernel.map(abs), outputGradient: gradient.map(abs), batch: c.batch,
      filters: c.filters, geometry: g)
    expectClose(fast.input, reference.input, magnitude: magnitude.input, "input gradient")
    expectClose(fast.kernel, reference.kernel, magnitude: magnitude.kernel, "kernel gradient")
    expectClose(fast.bias, reference.bias, magnitude: magnitude.bias, "bias gradient")
  }

  @Test(arguments: WinogradCase.shapes)
  func aRectifyingConvolutionIsTheRectifiedConvolution(_ c: WinogradCase) throws {
    let g = try #require(c.geometry)
    let (input, kernel, bias, _) = try c.values(seed: 17)
    expectRectifyingIsRectified { rectifies in
      winogradConvolutionForward(
        input: input, kernel: kernel, bias: bias, batch: c.batch, filters: c.filters, geometry: g,
        rectifies: rectifies)
    }
  }

  /// Five images of 32×32 cut into six chunks (and so six gradient groups): one thread, two or
  /// three take different shares of them, and not a single bit of any result changes.
  @Test func theNumberOfThreadsChangesNoBit() throws {
    let c = WinogradCase(5, 32, 32, 16, 17, .same)
    let g = try #require(c.geometry)
    #expect(WinogradTiling(geometry: g, filters: c.filters, batch: c.batch).chunks == 6)
    let (input, kernel, bias, gradient) = try c.values(seed: 9)
    func results(threads: Int) -> [[Float]] {
      let output = winogradConvolutionForward(
        input: input, kernel: kernel, bias: bias, batch: c.batch, filters: c.filters, geometry: g, threads: threads)
      let gradients = winogradConvolutionBackward(
        input: input, kernel: kernel, outputGradient: gradient, batch: c.batch, filters: c.filters, geometry: g,
        threads: threads)
      return [output, gradients.input, gradients.kernel, gradients.bias]
    }
    let alone = results(threads: 1)
    let (two, three) = (results(threads: 2), results(threads: 3))
    #expect(two == alone, "two threads changed a result")
    #expect(three == alone, "three threads changed a result")
  }

  @Test func theFirstLayerSkipsTheInputGradientAndKeepsTheOthers() throws {
    let c = WinogradCase(2, 9, 8, 16, 17, .same)
    let g = try #require(c.geometry)
    let (input, kernel, _, gradient) = try c.values(seed: 13)
    let full = winogradConvolutionBackward(
      input: input, kernel: kernel, outputGradient: gradient, batch: c.batch, filters: c.filters, geometry: g)
    let skipping = winogradConvolutionBackward(
      input: input, kernel: kernel, outputGradient: gradient, batch: c.batch, filters: c.filters, geometry: g,
      needsInputGradient: false)
    #expect(skipping.input.isEmpty)
    #expect(skipping.kernel == full.kernel && skipping.bias == full.bias)
  }

  @Test func anEmptyBatchHasZeroGradients() throws {
    let c = WinogradCase(0, 5, 5, 3, 4, .same)
    let g = try #require(c.geometry)
    let output = winogradConvolutionForward(input: [], kernel: [], bias: nil, batch: 0, filters: 4, geometry: g)
    let kernel = [Float](repeating: 1, count: 9 * 3 * 4)
    let gradients = winogradConvolutionBackward(
      input: [], kernel: kernel, outputGradient: [], batch: 0, filters: 4, geometry: g)
    #expect(output.isEmpty && gradients.input.isEmpty)
    #expect(gradients.kernel == [Float](repeating: 0, count: kernel.count))
    #expect(gradients.bias == [0, 0, 0, 0])
  }
}
