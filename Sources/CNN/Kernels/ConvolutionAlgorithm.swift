/// The two ways a convolution is computed, with the same results up to rounding: `Conv2D` asks
/// `choose` for the faster one for its shapes and calls its `forward` and `backward`.
enum ConvolutionAlgorithm: Equatable {
  /// Every window unfolded into a row of a matrix product (Convolution.swift): any window, any stride.
  case im2col
  /// Winograd F(2×2, 3×3) (WinogradConvolution.swift): 3×3 windows with stride 1 only.
  case winograd

  /// Input channels from which Winograd is faster than im2col (see `choose`).
  static let winogradMinimumChannels = 16

  /// Returns the faster algorithm for a convolution of `geometry`: Winograd for stride-1 3×3
  /// windows on at least `winogradMinimumChannels` input channels, else im2col.
  ///
  /// Measured on the reference models' layers (training: forward + backward, batch 32, two
  /// threads of a 2-core Xeon with AVX-512 shared with other jobs, best of 5,
  /// `LESSON_BENCH_CONVOLUTION=1 swift test --filter ConvolutionAlgorithmTests`):
  /// on 3 channels im2col takes half to two thirds of Winograd's time (the transforms of each
  /// tile cost more than the 3-term products they shorten); from 32 channels Winograd takes 0.5
  /// to 0.75 of im2col's (`bigger`'s 32×32×32 layer 12.3 against 29.7 ms, `small`'s 43×43×32 at
  /// 180×180 72 against 103 ms); on `small`'s 15×15×16 and 6×6×32 layers the two are even.
  static func choose(for geometry: WindowGeometry) -> ConvolutionAlgorithm {
    let g = geometry
    let isWinogradShape = g.windowHeight == 3 && g.windowWidth == 3 && g.strideY == 1 && g.strideX == 1
    return isWinogradShape && g.channels >= winogradMinimumChannels ? .winograd : .im2col
  }

  /// The convolution's output, as `convolutionForward` returns it.
  func forward(
    input: [Float], kernel: [Float], bias: [Float]?, batch: Int, filters: Int, geometry: WindowGeometry,
    threads: Int = ComputeThreads.count, reusing storage: consuming [Float] = []
  ) -> [Float] {
    switch self {
    case .im2col:
      convolutionForward(
        input: input, kernel: kernel, bias: bias, batch: batch, filters: filters, geometry: geometry,
        threads: threads, reusing: storage)
    case .winograd:
      winogradConvolutionForward(
        input: input, kernel: kernel, bias: bias, batch: batch, filters: filters, geometry: geometry,
        threads: threads, reusing: storage)
    }
  }

  /// The convolution's gradients, as `convolutionBackward` returns them.
  func backward(
    input: [Float], kernel: [Float], outputGradient: [Float], batch: Int, filters: Int, geometry: WindowGeometry,
    needsInputGradient: Bool = true, threads: Int = ComputeThreads.count,
    reusing storage: consuming (input: [Float], kernel: [Float], bias: [Float]) = ([], [], [])
  ) -> (input: [Float], kernel: [Float], bias: [Float]) {
    switch self {
    case .im2col:
      convolutionBackward(
        input: input, kernel: kernel, outputGradient: outputGradient, batch: batch, filters: filters,
        geometry: geometry, needsInputGradient: needsInputGradient, threads: threads, reusing: storage)
    case .winograd:
      winogradConvolutionBackward(
        input: input, kernel: kernel, outputGradient: outputGradient, batch: batch, filters: filters,
        geometry: geometry, needsInputGradient: needsInputGradient, threads: threads, reusing: storage)
    }
  }
}
