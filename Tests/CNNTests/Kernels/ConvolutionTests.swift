import CNNTestSupport
import Testing

@testable import CNN

struct ConvolutionCase: CustomTestStringConvertible, Sendable {
  let batch: Int
  let height: Int
  let width: Int
  let channels: Int
  let filters: Int
  let window: (Int, Int)
  let strides: (Int, Int)
  let padding: Padding

  var testDescription: String {
    "\(batch)×\(height)×\(width)×\(channels) * \(window.0)×\(window.1)→\(filters), stride \(strides), \(padding)"
  }

  var geometry: WindowGeometry? {
    WindowGeometry(input: (height, width, channels), window: window, strides: strides, padding: padding)
  }

  static let awkward: [ConvolutionCase] = [
    ConvolutionCase(
      batch: 1, height: 1, width: 1, channels: 1, filters: 1, window: (1, 1), strides: (1, 1), padding: .valid),
    ConvolutionCase(
      batch: 2, height: 7, width: 5, channels: 3, filters: 4, window: (3, 3), strides: (1, 1), padding: .valid),
    ConvolutionCase(
      batch: 3, height: 7, width: 5, channels: 3, filters: 4, window: (3, 3), strides: (1, 1), padding: .same),
    ConvolutionCase(
      batch: 2, height: 8, width: 9, channels: 2, filters: 5, window: (3, 2), strides: (2, 2), padding: .same),
    ConvolutionCase(
      batch: 1, height: 9, width: 8, channels: 5, filters: 17, window: (5, 5), strides: (2, 3), padding: .valid),
    ConvolutionCase(
      batch: 2, height: 32, width: 32, channels: 3, filters: 16, window: (3, 3), strides: (1, 1), padding: .valid),
    // Filters filling whole 32-wide panels (∂output read in place), and some that do not.
    ConvolutionCase(
      batch: 3, height: 10, width: 11, channels: 16, filters: 32, window: (3, 3), strides: (1, 1), padding: .same),
    ConvolutionCase(
      batch: 2, height: 9, width: 9, channels: 32, filters: 64, window: (3, 3), strides: (1, 1), padding: .valid),
    ConvolutionCase(
      batch: 1, height: 6, width: 7, channels: 4, filters: 48, window: (3, 3), strides: (1, 1), padding: .same),
    // An even window with same padding: the extra row and column of zeros go below and right.
    ConvolutionCase(
      batch: 2, height: 6, width: 6, channels: 3, filters: 10, window: (2, 2), strides: (1, 1), padding: .same),
    // One wide image: fewer images than threads, so its tiles of positions are shared out.
    ConvolutionCase(
      batch: 1, height: 40, width: 45, channels: 3, filters: 16, window: (3, 3), strides: (1, 1), padding: .valid),
    // 33 images of 225 positions: gradient groups of 9 images (see imagesPerGradientGroup), the last of 6.
    ConvolutionCase(
      batch: 33, height: 33, width: 33, channels: 8, filters: 33, window: (5, 5), strides: (2, 2), padding: .valid),
  ]
}

@Suite(.isolatedSession) struct ConvolutionTests {
  /// The largest difference allowed, relative to the value for values above 1: a kernel
  /// gradient summed over 33 images of 225 windows reaches tens, where Float rounding in
  /// another summation order moves the sixth significant digit.
  static let tolerance: Float = 1e-4

  func expectClose(_ a: [Float], _ b: [Float], _ what: String) {
    #expect(a.count == b.count, "\(what): sizes differ")
    let worst = zip(a, b).map { Swift.abs($0 - $1) / Swift.max(1, Swift.abs($1)) }.max() ?? 0
    #expect(worst <= Self.tolerance, "\(what): largest (relative) difference \(worst)")
  }

  @Test(arguments: ConvolutionCase.awkward)
  func forwardMatchesTheDirectDefinition(_ c: ConvolutionCase) throws {
    let g = try #require(c.geometry)
    let input = Tensor(randomUniform: [c.batch * g.inputSize], in: -1...1, seed: 1).scalars
    let kernel = Tensor(randomUniform: [g.patchSize * c.filters], in: -1...1, seed: 2).scalars
    let bias = Tensor(randomUniform: [c.filters], in: -1...1, seed: 3).scalars
    expectClose(
      convolutionForward(input: input, kernel: kernel, bias: bias, batch: c.batch, filters: c.filters, geometry: g),
      referenceConvolutionForward(
        input: input, kernel: kernel, bias: bias, batch: c.batch, filters: c.filters, geometry: g),
      "output")
  }

  /// One thread, two, or three: images and gradient groups are shared out differently (or the
  /// products' rows are, for small batches), and not a single bit of any result changes.
  @Test(arguments: ConvolutionCase.awkward)
  func theNumberOfThreadsChangesNoBit(_ c: ConvolutionCase) throws {
    let g = try #require(c.geometry)
    let input = Tensor(randomUniform: [c.batch * g.inputSize], in: -1...1, seed: 7).scalars
    let kernel = Tensor(randomUniform: [g.patchSize * c.filters], in: -1...1, seed: 8).scalars
    let bias = Tensor(randomUniform: [c.filters], in: -1...1, seed: 10).scalars
    let gradient = Tensor(randomUniform: [c.batch * g.outputHeight * g.outputWidth * c.filters], in: -1...1, seed: 9)
      .scalars
    func results(threads: Int) -> [[Float]] {
      let output = convolutionForward(
        input: input, kernel: kernel, bias: bias, batch: c.batch, filters: c.filters, geometry: g, threads: threads)
      let gradients = convolutionBackward(
        input: input, kernel: kernel, outputGradient: gradient, batch: c.batch, filters: c.filters, geometry: g,
        threads: threads)
      return [output, gradients.input, gradients.kernel, gradients.bias]
    }
    let alone = results(threads: 1)
    #expect(results(threads: 2) == alone)
    #expect(results(threads: 3) == alone)
  }

  /// A ReLU fused into the product's write-back gives exactly max(0, x) of the plain product,
  /// bit for bit, zero for −0 included.
  @Test(arguments: ConvolutionCase.awkward)
  func aRectifyingConvolutionIsTheRectifiedConvolution(_ c: ConvolutionCase) throws {
    let g = try #require(c.geometry)
    let input = Tensor(randomUniform: [c.batch * g.inputSize], in: -1...1, seed: 14).scalars
    let kernel = Tensor(randomUniform: [g.patchSize * c.filters], in: -1...1, seed: 15).scalars
    let bias = Tensor(randomUniform: [c.filters], in: -1...1, seed: 16).scalars
    expectRectifyingIsRectified { rectifies in
      convolutionForward(
        input: input, kernel: kernel, bias: bias, batch: c.batch, filters: c.filters, geometry: g,
        rectifies: rectifies)
    }
  }

  @Test func theFirstLayerSkipsTheInputGradientAndKeepsTheOthers() throws {
    let c = ConvolutionCase.awkward[5]
    let g = try #require(c.geometry)
    let input = Tensor(randomUniform: [c.batch * g.inputSize], in: -1...1, seed: 11).scalars
    let kernel = Tensor(randomUniform: [g.patchSize * c.filters], in: -1...1, seed: 12).scalars
    let gradient = Tensor(randomUniform: [c.batch * g.outputHeight * g.outputWidth * c.filters], in: -1...1, seed: 13)
      .scalars
    let full = convolutionBackward(
      input: input, kernel: kernel, outputGradient: gradient, batch: c.batch, filters: c.filters, geometry: g)
    let skipping = convolutionBackward(
      input: input, kernel: kernel, outputGradient: gradient, batch: c.batch, filters: c.filters, geometry: g,
      needsInputGradient: false)
    #expect(skipping.input.isEmpty)
    #expect(skipping.kernel == full.kernel && skipping.bias == full.bias)
  }

  @Test(arguments: ConvolutionCase.awkward)
  func backwardMatchesTheDirectDefinition(_ c: ConvolutionCase) throws {
    let g = try #require(c.geometry)
    let input = Tensor(randomUniform: [c.batch * g.inputSize], in: -1...1, seed: 4).scalars
    let kernel = Tensor(randomUniform: [g.patchSize * c.filters], in: -1...1, seed: 5).scalars
    let outputCount = c.batch * g.outputHeight * g.outputWidth * c.filters
    let gradient = Tensor(randomUniform: [outputCount], in: -1...1, seed: 6).scalars
    let fast = convolutionBackward(
      input: input, kernel: kernel, outputGradient: gradient, batch: c.batch, filters: c.filters, geometry: g)
    let reference = referenceConvolutionBackward(
      input: input, kernel: kernel, outputGradient: gradient, batch: c.batch, filters: c.filters, geometry: g)
    expectClose(fast.input, reference.input, "input gradient")
    expectClose(fast.kernel, reference.kernel, "kernel gradient")
    expectClose(fast.bias, reference.bias, "bias gradient")
  }

  @Test func samePaddingPutsTheOddPadBelowAndRight() throws {
    // TensorFlow's rule: input 4, window 3, stride 2 → output 2, total padding (2−1)·2 + 3 − 4 = 1,
    // none above, one below.
    let g = try #require(WindowGeometry(input: (4, 4, 1), window: (3, 3), strides: (2, 2), padding: .same))
    #expect(g.outputHeight == 2 && g.outputWidth == 2)
    #expect(g.padTop == 0 && g.padLeft == 0)
    let wide = try #require(WindowGeometry(input: (5, 5, 1), window: (5, 5), strides: (1, 1), padding: .same))
    #expect(wide.padTop == 2 && wide.outputHeight == 5)
  }

  @Test func validPaddingRejectsAWindowLargerThanTheInput() {
    #expect(WindowGeometry(input: (2, 5, 1), window: (3, 3), strides: (1, 1), padding: .valid) == nil)
  }
}

/// Expects `forward(true)` (a ReLU fused into the write-back) to be `forward(false)` rectified,
/// bit for bit, and a sizeable output to hold both zeros and positive values.
func expectRectifyingIsRectified(_ forward: (_ rectifies: Bool) -> [Float]) {
  var plain = forward(false)
  ActivationFunction.rectify(&plain)
  let fused = forward(true)
  #expect(fused.map(\.bitPattern) == plain.map(\.bitPattern))
  if fused.count >= 8 { #expect(fused.contains(0) && fused.contains { $0 > 0 }) }
}
