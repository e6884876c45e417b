// Convolution products that read their windows in place (an "implicit" im2col): instead of
// copying every window into a row of a matrix first, a micro-kernel of PackedMatrixMultiply
// reads eight windows straight from the image, each through its own pointer. A window is KH runs
// of KW·C neighbouring floats (NHWC), one image row apart, so the reader walks a run, then jumps
// to the next row. Nothing is unfolded, so a 180×180 image costs no more cache than a 32×32 one,
// and a first layer with only 27 values per window (3×3×3) pays no copying for its short sums.
//
//   forward            out[position, f] = Σ_t window(position)[t] · kernel[t, f]    (8 positions a tile)
//   kernel gradient    ∂kernel[t, f]    = Σ_position window(position)[t] · ∂out[position, f]   (8 terms a tile)
//   input gradient     (stride 1) the forward convolution of ∂out, padded, with the kernel turned
//                      half a turn and its channels and filters swapped
//
// Images that need padding are first copied into a zero-bordered buffer, so that every window
// lies inside what is read. `convolutionForward` and `convolutionBackward` (Convolution.swift)
// call these; `referenceConvolution…` there is what they are tested against.

/// An image as the windowed products read it: every window inside, rows `pitch` floats apart.
struct PaddedImage {
  let start: UnsafePointer<Float>
  let pitch: Int

  /// The floats a padded copy of one image takes: (OH−1)·sy + KH rows of (OW−1)·sx + KW pixels.
  static func size(_ g: WindowGeometry) -> Int {
    paddedHeight(g) * paddedWidth(g) * g.channels
  }

  private static func paddedHeight(_ g: WindowGeometry) -> Int { (g.outputHeight - 1) * g.strideY + g.windowHeight }
  private static func paddedWidth(_ g: WindowGeometry) -> Int { (g.outputWidth - 1) * g.strideX + g.windowWidth }

  /// Whether every window already lies inside the image.
  static func isNeeded(_ g: WindowGeometry) -> Bool {
    g.padTop > 0 || g.padLeft > 0 || paddedHeight(g) > g.inputHeight || paddedWidth(g) > g.inputWidth
  }

  /// The image itself when no window hangs over its border, else a copy in `buffer` (of at
  /// least `size(g)` floats) with zeros around it.
  init(_ image: UnsafePointer<Float>, geometry g: WindowGeometry, buffer: UnsafeMutablePointer<Float>) {
    guard Self.isNeeded(g) else {
      (start, pitch) = (image, g.inputWidth * g.channels)
      return
    }
    let (height, width) = (Self.paddedHeight(g), Self.paddedWidth(g))
    let rowLength = width * g.channels
    buffer.update(repeating: 0, count: height * rowLength)
    let copied = Swift.min(g.inputWidth, width - g.padLeft) * g.channels
    for iy in 0..<Swift.min(g.inputHeight, height - g.padTop) {
      (buffer + (iy + g.padTop) * rowLength + g.padLeft * g.channels)
        .update(from: image + iy * g.inputWidth * g.channels, count: copied)
    }
    (start, pitch) = (UnsafePointer(buffer), rowLength)
  }

  /// Where the window of output position (`oy`, `ox`) starts.
  @inline(__always) func window(_ oy: Int, _ ox: Int, _ g: WindowGeometry) -> UnsafePointer<Float> {
    let row: Int = oy &* g.strideY &* pitch
    let column: Int = ox &* g.strideX &* g.channels
    return start + (row &+ column)
  }

  /// Where term `term` of a window (KH·KW·C of them, NHWC order) lies from the window's start.
  @inline(__always) func offset(ofTerm term: Int, _ g: WindowGeometry) -> Int {
    let run = g.windowWidth * g.channels
    return term / run * pitch + term % run
  }
}

/// The kernel `[K, F]` packed into panels of the micro-kernels' width once per call, with the
/// bias zero-padded to whole panels.
struct PackedKernel {
  let panelWidth: Int
  let panels: Int
  let depth: Int
  let values: UnsafeMutablePointer<Float>
  let bias: UnsafePointer<Float>?

  /// The floats `values` needs (`biasStorage` needs `panels · panelWidth`).
  static func size(depth: Int, filters: Int) -> Int {
    let width = panelWidth(filters)
    return (filters + width - 1) / width * width * depth
  }

  /// Panels are as wide as the wide micro-kernel, or the narrow one's width for 16 filters or fewer.
  static func panelWidth(_ filters: Int) -> Int {
    filters <= PackedMatrixMultiply.narrowTileColumns
      ? PackedMatrixMultiply.narrowTileColumns : PackedMatrixMultiply.tileColumns
  }

  init(
    _ kernel: UnsafePointer<Float>, depth: Int, filters: Int, bias: UnsafePointer<Float>?,
    into values: UnsafeMutablePointer<Float>, biasStorage: UnsafeMutablePointer<Float>
  ) {
    panelWidth = Self.panelWidth(filters)
    panels = (filters + panelWidth - 1) / panelWidth
    self.depth = depth
    self.values = values
    PackedMatrixMultiply.packB(
      MatrixOperand(base: kernel, rowStride: filters, columnStride: 1), rows: 0..<depth, columns: filters,
      panelWidth: panelWidth, into: values)
    if let bias {
      biasStorage.update(from: bias, count: filters)
      (biasStorage + filters).update(repeating: 0, count: panels * panelWidth - filters)
      self.bias = UnsafePointer(biasStorage)
    } else {
      self.bias = nil
    }
  }
}

/// Computes output positions `tiles` (in tiles of eight, row-major) of one image's convolution
/// into `output` (the image's `[OH·OW, F]` rows), rectifying them when asked.
func convolveTiles(
  _ image: PaddedImage, geometry g: WindowGeometry, kernel: PackedKernel, filters: Int, rectifies: Bool,
  tiles: Range<Int>, into output: UnsafeMutablePointer<Float>
) {
  let tileRows = PackedMatrixMultiply.tileRows
  let first = tiles.lowerBound * tileRows
  let positions = first..<Swift.min(tiles.upperBound * tileRows, g.outputHeight * g.outputWidth)
  convolvePositions(
    image, geometry: g, kernel: kernel, filters: filters, rectifies: rectifies, positions: positions,
    into: output + first * filters)
}

/// Computes output `positions` (row-major) of one image's convolution, eight at a time, into
/// `output`, whose first row is the first position's, rectifying them when asked.
func convolvePositions(
  _ image: PaddedImage, geometry g: WindowGeometry, kernel: PackedKernel, filters: Int, rectifies: Bool,
  positions: Range<Int>, into output: UnsafeMutablePointer<Float>
) {
  let tileRows = PackedMatrixMultiply.tileRows
  let run = g.windowWidth * g.channels
  withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: tileRows) { origins in
    var position = positions.lowerBound
    var (oy, ox) = position.quotientAndRemainder(dividingBy: g.outputWidth)
    while position < positions.upperBound {
      let rows = Swift.min(tileRows, positions.upperBound - position)
      for row in 0..<rows {
        origins[row] = image.window(oy, ox, g)
        ox += 1
        if ox == g.outputWidth { (oy, ox) = (oy + 1, 0) }
      }
      let windows = SteppedPointers(
        origins: origins.baseAddress!, count: rows, runLength: run, step: 1, jump: image.pitch - run)
      convolveTile(
        windows, rows: rows, kernel: kernel, filters: filters, rectifies: rectifies,
        into: output + (position - positions.lowerBound) * filters)
      position += rows
    }
  }
}

/// One tile of eight output positions (or `rows`), every filter, into `output` (its first row).
@inline(__always)
private func convolveTile(
  _ windows: SteppedPointers, rows: Int, kernel: PackedKernel, filters: Int, rectifies: Bool,
  into output: UnsafeMutablePointer<Float>
) {
  for panel in 0..<kernel.panels {
    let column = panel * kernel.panelWidth
    let b = UnsafePointer(kernel.values + column * kernel.depth)
    let c = output + column
    let start = kernel.bias.map { $0 + column }
    if kernel.panelWidth == PackedMatrixMultiply.narrowTileColumns {
      PackedMatrixMultiply.multiplyNarrowTile(
        depth: kernel.depth, windows, b, into: c, ldc: filters, rows: rows, columns: filters - column, adds: false,
        startingAt: start, rectifies: rectifies)
    } else {
      PackedMatrixMultiply.multiplyTile(
        depth: kernel.depth, windows, b, into: c, ldc: filters, rows: rows,
        columns: Swift.min(kernel.panelWidth, filters - column), adds: false, startingAt: start, rectifies: rectifies)
    }
  }
}

/// Adds one image's ∂kernel, `[K, F]` = Σ over positions of window ⊗ ∂out, into `sums` (or
/// writes it, when not `adds`). `gradient` is the image's `[OH·OW, F]` rows; `packing` has room
/// for `gradientPanelsSize` floats.
func addKernelGradient(
  of image: PaddedImage, gradient: UnsafePointer<Float>, geometry g: WindowGeometry, filters: Int,
  into sums: UnsafeMutablePointer<Float>, adds: Bool, packing: UnsafeMutablePointer<Float>
) {
  let positions = g.outputHeight * g.outputWidth
  let panelWidth = PackedKernel.panelWidth(filters)
  let panels = (filters + panelWidth - 1) / panelWidth
  // ∂out is read in place as the micro-kernel's B when its rows are whole panels, else packed.
  let readsInPlace = filters % panelWidth == 0
  if !readsInPlace {
    PackedMatrixMultiply.packB(
      MatrixOperand(base: gradient, rowStride: filters, columnStride: 1), rows: 0..<positions, columns: filters,
      panelWidth: panelWidth, into: packing)
  }
  let depth = g.patchSize
  let tileRows = PackedMatrixMultiply.tileRows
  // Term t of every window, position by position: a step moves one window across, and after
  // a row of outputs the jump moves to the next row of windows.
  let step = g.strideX * g.channels
  let jump = g.strideY * image.pitch - g.outputWidth * step
  for firstTerm in stride(from: 0, to: depth, by: tileRows) {
    let rows = Swift.min(tileRows, depth - firstTerm)
    let terms = withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: rows) { origins in
      for row in 0..<rows { origins[row] = image.start + image.offset(ofTerm: firstTerm + row, g) }
      return SteppedPointers(
        origins: origins.baseAddress!, count: rows, runLength: g.outputWidth, step: step, jump: jump)
    }
    for panel in 0..<panels {
      let column = panel * panelWidth
      let b = readsInPlace ? gradient + column : UnsafePointer(packing + column * positions)
      let bStride = readsInPlace ? filters : panelWidth
      let c = sums + firstTerm * filters + column
      if panelWidth == PackedMatrixMultiply.narrowTileColumns {
        PackedMatrixMultiply.multiplyNarrowTile(
          depth: positions, terms, b, bStride: bStride, into: c, ldc: filters, rows: rows, columns: filters - column,
          adds: adds, startingAt: nil)
      } else {
        PackedMatrixMultiply.multiplyTile(
          depth: positions, terms, b, bStride: bStride, into: c, ldc: filters, rows: rows,
          columns: Swift.min(panelWidth, filters - column), adds: adds, startingAt: nil)
      }
    }
  }
}

/// The floats `addKernelGradient` packs ∂out into when its rows are not whole panels.
func gradientPanelsSize(_ g: WindowGeometry, filters: Int) -> Int {
  let panelWidth = PackedKernel.panelWidth(filters)
  return filters % panelWidth == 0
    ? 0
    : (filters + panelWidth - 1) / panelWidth * panelWidth * g.outputHeight
      * g.outputWidth
}

/// The geometry of the stride-1 input gradient as a convolution: ∂out `[OH, OW, F]`, padded so
/// that each of the H×W results sees every output its pixel fed, convolved with the kernel turned
/// half a turn (see `halfTurnedKernel`).
func inputGradientGeometry(_ g: WindowGeometry, filters: Int) -> WindowGeometry {
  precondition(g.strideY == 1 && g.strideX == 1, "inputGradientGeometry is for stride 1")
  var transposed = g
  (transposed.inputHeight, transposed.inputWidth, transposed.channels) = (g.outputHeight, g.outputWidth, filters)
  (transposed.outputHeight, transposed.outputWidth) = (g.inputHeight, g.inputWidth)
  transposed.padTop = g.windowHeight - 1 - g.padTop
  transposed.padLeft = g.windowWidth - 1 - g.padLeft
  return transposed
}

/// `kernel` `[KH, KW, C, F]` turned half a turn with its channels and filters swapped:
/// `[KH, KW, F, C]` with `turned[ky, kx, f, c] = kernel[KH−1−ky, KW−1−kx, c, f]`.
func halfTurnedKernel(_ kernel: UnsafePointer<Float>, geometry g: WindowGeometry, filters: Int) -> [Float] {
  let (height, width, channels) = (g.windowHeight, g.windowWidth, g.channels)
  return [Float](unsafeUninitializedCapacity: height * width * channels * filters) { turned, count in
    for ky in 0..<height {
      for kx in 0..<width {
        let source = kernel + ((height - 1 - ky) * width + (width - 1 - kx)) * channels * filters
        let target = turned.baseAddress! + (ky * width + kx) * filters * channels
        for c in 0..<channels {
          for f in 0..<filters { target[f * channels + c] = source[c * filters + f] }
        }
      }
    }
    count = height * width * channels * filters
  }
}
