/// The two ways a convolution is computed, with the same results up to rounding: `Conv2D` asks
/// `choose` for the faster one for its shapes and calls its `forward` and `backward`.
enum ConvolutionAlgorithm: Equatable {
  /// Windows read in place by the matrix micro-kernels (Convolution.swift): any window, any stride.
  case windowed
  /// Winograd F(2×2, 3×3) (WinogradConvolution.swift): 3×3 windows with stride 1 only.
  case winograd

  /// Returns the faster algorithm for a convolution of `geometry` with `filters` filters:
  /// Winograd for stride-1 3×3 windows on at least 32 input channels with at least 2,048
  /// channel–filter pairs, else the windowed convolution.
  ///
  /// Measured on the reference models' layers with `lesson bench convolutions` (training: forward
  /// + backward, batch 32, two threads of a 2-core Xeon with AVX-512, best of 5): on 3 and 16
  /// channels the windowed convolution takes a fifth to four fifths of Winograd's time (each
  /// tile's transforms cost more than the short products they shorten); from 32 channels to 64 filters Winograd takes 0.7 to 0.8 of its time
  /// (`bigger`'s 16×16×64 layer 3.6–4.4 against 5.3–5.4 ms, `small`'s 43×43×32 at 180×180 13.8–15.5
  /// against 19.5–20.0 ms); `bigger`'s 32×32×32 → 32 layer is even (4.9–6.3 against 5.2–5.6 ms).
  static func choose(for geometry: WindowGeometry, filters: Int) -> ConvolutionAlgorithm {
    let g = geometry
    let isWinogradShape = g.windowHeight == 3 && g.windowWidth == 3 && g.strideY == 1 && g.strideX == 1
    return isWinogradShape && g.channels >= 32 && g.channels * filters >= 2048 ? .winograd : .windowed
  }

  /// The convolution's output, as `convolutionForward` returns it.
  func forward(
    input: [Float], kernel: [Float], bias: [Float]?, batch: Int, filters: Int, geometry: WindowGeometry,
    rectifies: Bool = false, threads: Int = ComputeThreads.count, reusing storage: consuming [Float] = []
  ) -> [Float] {
    switch self {
    case .windowed:
      convolutionForward(
        input: input, kernel: kernel, bias: bias, batch: batch, filters: filters, geometry: geometry,
        rectifies: rectifies, threads: threads, reusing: storage)
    case .winograd:
      winogradConvolutionForward(
        input: input, kernel: kernel, bias: bias, batch: batch, filters: filters, geometry: geometry,
        rectifies: rectifies, threads: threads, reusing: storage)
    }
  }

  /// The convolution's gradients, as `convolutionBackward` returns them. Only the windowed
  /// convolution takes its output gradient image by image (`writeOutputGradient`).
  func backward(
    input: [Float], kernel: [Float], outputGradient: [Float], batch: Int, filters: Int, geometry: WindowGeometry,
    needsInputGradient: Bool = true, threads: Int = ComputeThreads.count,
    reusing storage: consuming (input: [Float], kernel: [Float], bias: [Float]) = ([], [], []),
    writeOutputGradient: ((Int, UnsafeMutablePointer<Float>) -> Void)? = nil
  ) -> (input: [Float], kernel: [Float], bias: [Float]) {
    switch self {
    case .windowed:
      return convolutionBackward(
        input: input, kernel: kernel, outputGradient: outputGradient, batch: batch, filters: filters,
        geometry: geometry, needsInputGradient: needsInputGradient, threads: threads, reusing: storage,
        writeOutputGradient: writeOutputGradient)
    case .winograd:
      precondition(writeOutputGradient == nil, "Winograd's backward pass reads a stored output gradient")
      return winogradConvolutionBackward(
        input: input, kernel: kernel, outputGradient: outputGradient, batch: batch, filters: filters,
        geometry: geometry, needsInputGradient: needsInputGradient, threads: threads, reusing: storage)
    }
  }
}
