/// The stride-1 input gradient of a convolution, image by image, for a backward pass that has
/// each group's output gradient only while the group is computed (see `convolutionBackward(…,
/// writeOutputGradient:)`): the convolution of the output gradient with the kernel turned half a
/// turn, which `convolutionForward` computes for a whole batch, here tile for tile on one image,
/// so with the same bits.
struct ImageInputGradient {
  /// The geometry of the turned convolution (`inputGradientGeometry`).
  let geometry: WindowGeometry
  /// The turned kernel, packed.
  let kernel: PackedKernel
  /// The channels of the input, the turned convolution's filters.
  private let channels: Int
  private let tiles: Int

  /// The floats `init` packs the turned kernel into.
  static func storageSize(_ g: WindowGeometry, filters: Int) -> Int {
    PackedKernel.size(depth: g.windowHeight * g.windowWidth * filters, filters: g.channels)
  }

  /// The floats `write` needs in its `padding` buffer.
  var paddingSize: Int { PaddedImage.isNeeded(geometry) ? PaddedImage.size(geometry) : 0 }

  /// Packs `kernel` `[KH, KW, C, F]` of a stride-1 convolution of geometry `g`, turned half a
  /// turn, into `storage` (of `storageSize` floats), which must outlive this value.
  init(kernel: UnsafePointer<Float>, geometry g: WindowGeometry, filters: Int, storage: UnsafeMutablePointer<Float>) {
    geometry = inputGradientGeometry(g, filters: filters)
    channels = g.channels
    let turned = halfTurnedKernel(kernel, geometry: g, filters: filters)
    // Without a bias, the bias storage is not touched.
    self.kernel = turned.withUnsafeBufferPointer { [geometry] in
      PackedKernel(
        $0.baseAddress!, depth: geometry.patchSize, filters: g.channels, bias: nil, into: storage,
        biasStorage: storage)
    }
    let positions = geometry.outputHeight * geometry.outputWidth
    tiles = (positions + PackedMatrixMultiply.tileRows - 1) / PackedMatrixMultiply.tileRows
  }

  /// Writes one image's ∂loss/∂input `[H, W, C]` into `inputGradient` from its ∂loss/∂output
  /// `[OH, OW, F]`, padding it in `padding` (of `paddingSize` floats) where the windows need it.
  func write(
    from outputGradient: UnsafePointer<Float>, into inputGradient: UnsafeMutablePointer<Float>,
    padding: UnsafeMutablePointer<Float>
  ) {
    let image = PaddedImage(outputGradient, geometry: geometry, buffer: padding)
    convolveTiles(
      image, geometry: geometry, kernel: kernel, filters: channels, rectifies: false,
      tiles: 0..<tiles, into: inputGradient)
  }
}
