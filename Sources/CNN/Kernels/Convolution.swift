// 2-D convolution in NHWC layout with an HWIO kernel [KH, KW, C, F], done as matrix products:
// each output position's window is unfolded into one row (im2col), so that for one image
//   output[OH·OW × F]      = columns[OH·OW × KH·KW·C] · kernel[KH·KW·C × F] + bias
//   kernelGradient        += columnsᵀ · outputGradient
//   inputGradient          = col2im(outputGradient · kernelᵀ)
// The kernel flattened row-major is already the KH·KW·C × F matrix, and the product's rows are
// already NHWC output pixels, so no transposes are needed. Images are unfolded a few at a time,
// which keeps the unfolded matrix near 4 MiB (a 32×32 image with a 3×3×32 window takes 1.1 MiB).
// `referenceConvolution…` below computes the same sums with plain loops, for the tests.

/// Copies every window of one image into a row of `columns` ([OH·OW, KH·KW·C]), writing zeros
/// where the window hangs over the padded border. Inside the image, one row of a window is KW·C
/// contiguous values (NHWC), so it is copied in one piece.
func im2col(_ image: UnsafePointer<Float>, geometry g: WindowGeometry, into columns: UnsafeMutablePointer<Float>) {
  let windowRow = g.windowWidth &* g.channels
  var row = columns
  for oy in 0..<g.outputHeight {
    for ox in 0..<g.outputWidth {
      let left = ox &* g.strideX &- g.padLeft
      let isInsideHorizontally = left >= 0 && left &+ g.windowWidth <= g.inputWidth
      for ky in 0..<g.windowHeight {
        let iy = oy &* g.strideY &+ ky &- g.padTop
        if iy < 0 || iy >= g.inputHeight {
          row.update(repeating: 0, count: windowRow)
        } else if isInsideHorizontally {
          copyFloats(from: image + (iy &* g.inputWidth &+ left) &* g.channels, to: row, count: windowRow)
        } else {
          for kx in 0..<g.windowWidth {
            let ix = left &+ kx
            let cell = row + kx &* g.channels
            if ix >= 0 && ix < g.inputWidth {
              cell.update(from: image + (iy &* g.inputWidth &+ ix) &* g.channels, count: g.channels)
            } else {
              cell.update(repeating: 0, count: g.channels)
            }
          }
        }
        row += windowRow
      }
    }
  }
}

/// Copies `count` floats with vector moves and an unrolled tail: the rows of a small window (a
/// 3×3 window on 3 channels copies 9 floats at a time) are too short for a `memmove` call to pay.
@inline(__always)
func copyFloats(from source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<Float>, count: Int) {
  var index = 0
  while index &+ 8 <= count {
    let chunk = UnsafeRawPointer(source + index).loadUnaligned(as: SIMD8<Float>.self)
    UnsafeMutableRawPointer(destination + index).storeBytes(of: chunk, as: SIMD8<Float>.self)
    index &+= 8
  }
  let left = count &- index
  if left >= 4 {
    let chunk = UnsafeRawPointer(source + index).loadUnaligned(as: SIMD4<Float>.self)
    UnsafeMutableRawPointer(destination + index).storeBytes(of: chunk, as: SIMD4<Float>.self)
    index &+= 4
  }
  if index < count { destination[index] = source[index] }
  if index &+ 1 < count { destination[index &+ 1] = source[index &+ 1] }
  if index &+ 2 < count { destination[index &+ 2] = source[index &+ 2] }
}

/// Adds each row of `columns` back onto the pixels its window covered: the transpose of `im2col`.
func col2imAdding(_ columns: UnsafePointer<Float>, geometry g: WindowGeometry, into image: UnsafeMutablePointer<Float>)
{
  var row = columns
  for oy in 0..<g.outputHeight {
    for ox in 0..<g.outputWidth {
      for ky in 0..<g.windowHeight {
        let iy = oy &* g.strideY &+ ky &- g.padTop
        for kx in 0..<g.windowWidth {
          let ix = ox &* g.strideX &+ kx &- g.padLeft
          if iy >= 0 && iy < g.inputHeight && ix >= 0 && ix < g.inputWidth {
            let pixel = image + (iy &* g.inputWidth &+ ix) &* g.channels
            for c in 0..<g.channels { pixel[c] += row[c] }
          }
          row += g.channels
        }
      }
    }
  }
}

/// How many images are unfolded at a time: as many as fit in about 4 MiB of columns (at least
/// one), so that each matrix product is large enough to split over the cores.
func imagesPerGroup(_ g: WindowGeometry, batch: Int) -> Int {
  let perImage = max(1, g.outputHeight * g.outputWidth * g.patchSize * MemoryLayout<Float>.size)
  return max(1, min(batch, (4 << 20) / perImage))
}

/// Unfolds `count` consecutive images starting at `image` into consecutive rows of `columns`,
/// the images shared out over the threads.
private func im2col(
  images first: UnsafePointer<Float>, count: Int, geometry g: WindowGeometry, into columns: UnsafeMutablePointer<Float>
) {
  let valuesPerImage = g.outputHeight * g.outputWidth * g.patchSize
  ComputeThreads.forEachShare(of: count, workPerItem: valuesPerImage) { images in
    for image in images {
      im2col(first + image * g.inputSize, geometry: g, into: columns + image * valuesPerImage)
    }
  }
}

/// Adds the rows of `count` consecutive unfolded images back onto their pixels (`col2imAdding`),
/// the images shared out over the threads: each writes only its own image.
private func col2imAdding(
  images columns: UnsafePointer<Float>, count: Int, geometry g: WindowGeometry, into first: UnsafeMutablePointer<Float>
) {
  let valuesPerImage = g.outputHeight * g.outputWidth * g.patchSize
  ComputeThreads.forEachShare(of: count, workPerItem: valuesPerImage) { images in
    for image in images {
      col2imAdding(columns + image * valuesPerImage, geometry: g, into: first + image * g.inputSize)
    }
  }
}

/// Adds up the `rows` rows of a row-major `rows × columns` matrix into `sums` (which it
/// overwrites), sixteen columns at a time in vector registers where the columns allow.
func columnSums(of matrix: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>) {
  var start = 0
  while start &+ 16 <= columns {
    var total = SIMD16<Float>()
    for row in 0..<rows {
      total += UnsafeRawPointer(matrix + (row &* columns &+ start)).loadUnaligned(as: SIMD16<Float>.self)
    }
    UnsafeMutableRawPointer(sums + start).storeBytes(of: total, as: SIMD16<Float>.self)
    start &+= 16
  }
  for column in start..<columns {
    var total: Float = 0
    for row in 0..<rows { total += matrix[row &* columns &+ column] }
    sums[column] = total
  }
}

/// Returns the convolution of a batch `[N, H, W, C]` with `kernel` `[KH, KW, C, F]` plus `bias`
/// `[F]` (or none): `[N, OH, OW, F]`.
func convolutionForward(
  input: [Float], kernel: [Float], bias: [Float]?, batch: Int, filters: Int, geometry g: WindowGeometry
) -> [Float] {
  convolutionForward(
    input: input, kernel: kernel, bias: bias, batch: batch, filters: filters, geometry: g, keepsUnfoldedInput: false
  ).output
}

/// Returns the convolution of a batch `[N, H, W, C]` with `kernel` `[KH, KW, C, F]` plus `bias`
/// `[F]` (or none): `[N, OH, OW, F]`. Images are unfolded a group at a time and each group is one
/// matrix product, whose rows (output pixels) are split over the cores. When the whole batch is
/// one group and `keepsUnfoldedInput` is true, its unfolded windows are returned too, so that the
/// backward pass need not unfold them again.
func convolutionForward(
  input: [Float], kernel: [Float], bias: [Float]?, batch: Int, filters: Int, geometry g: WindowGeometry,
  keepsUnfoldedInput: Bool
) -> (output: [Float], unfoldedInput: [Float]?) {
  let positions = g.outputHeight * g.outputWidth
  // Every value of both is written before it is read: the product overwrites the output, and
  // im2col writes every window cell.
  var output = uninitializedFloats(batch * positions * filters)
  guard batch > 0 else { return (output, nil) }
  let group = imagesPerGroup(g, batch: batch)
  var columns = uninitializedFloats(group * positions * g.patchSize)
  input.withUnsafeBufferPointer { input in
    kernel.withUnsafeBufferPointer { kernel in
      output.withUnsafeMutableBufferPointer { output in
        columns.withUnsafeMutableBufferPointer { columns in
          (bias ?? []).withUnsafeBufferPointer { bias in
            for first in stride(from: 0, to: batch, by: group) {
              let count = min(group, batch - first)
              let result = output.baseAddress! + first * positions * filters
              im2col(
                images: input.baseAddress! + first * g.inputSize, count: count, geometry: g,
                into: columns.baseAddress!)
              matrixMultiply(
                columns.baseAddress!, kernel.baseAddress!, into: result, m: count * positions, n: filters,
                k: g.patchSize, bias: bias.isEmpty ? nil : bias.baseAddress!)
            }
          }
        }
      }
    }
  }
  return (output, keepsUnfoldedInput && group == batch ? columns : nil)
}

/// The gradients of a convolution, given ∂loss/∂output `[N, OH, OW, F]`.
///
/// - Parameter needsInputGradient: false for a model's first layer, whose input gradient nobody
///   uses; it is then returned empty, saving about a third of the work.
/// - Returns: ∂loss/∂input `[N, H, W, C]`, ∂loss/∂kernel `[KH, KW, C, F]` and ∂loss/∂bias `[F]`,
///   each summed over the batch.
///   `unfoldedInput`, when given, is the forward pass's unfolding of the whole batch, used
///   instead of unfolding the input again.
func convolutionBackward(
  input: [Float], kernel: [Float], outputGradient: [Float], batch: Int, filters: Int, geometry g: WindowGeometry,
  needsInputGradient: Bool = true, unfoldedInput: [Float]? = nil
) -> (input: [Float], kernel: [Float], bias: [Float]) {
  let positions = g.outputHeight * g.outputWidth
  var inputGradient = [Float](repeating: 0, count: needsInputGradient ? batch * g.inputSize : 0)
  var kernelGradient = [Float](repeating: 0, count: g.patchSize * filters)
  var biasGradient = [Float](repeating: 0, count: filters)
  guard batch > 0 else { return (inputGradient, kernelGradient, biasGradient) }
  let kept = unfoldedInput.flatMap { $0.count == batch * positions * g.patchSize ? $0 : nil }
  let group = kept == nil ? imagesPerGroup(g, batch: batch) : batch
  var columns = uninitializedFloats(kept == nil || needsInputGradient ? group * positions * g.patchSize : 0)
  let unfolded = kept ?? []
  input.withUnsafeBufferPointer { input in
    kernel.withUnsafeBufferPointer { kernel in
      outputGradient.withUnsafeBufferPointer { outputGradient in
        columns.withUnsafeMutableBufferPointer { columns in
          inputGradient.withUnsafeMutableBufferPointer { inputGradient in
            kernelGradient.withUnsafeMutableBufferPointer { kernelGradient in
              for first in stride(from: 0, to: batch, by: group) {
                let count = min(group, batch - first)
                let gradient = outputGradient.baseAddress! + first * positions * filters
                // ∂kernel += columnsᵀ · ∂output
                if kept == nil {
                  im2col(
                    images: input.baseAddress! + first * g.inputSize, count: count, geometry: g,
                    into: columns.baseAddress!)
                }
                unfolded.withUnsafeBufferPointer { unfolded in
                  matrixMultiplyTransposingFirst(
                    kept == nil ? UnsafePointer(columns.baseAddress!) : unfolded.baseAddress!, gradient,
                    into: kernelGradient.baseAddress!, m: count * positions, n: filters, k: g.patchSize,
                    accumulate: true)
                }
                // ∂input = col2im(∂output · kernelᵀ)
                if needsInputGradient {
                  matrixMultiplyTransposingSecond(
                    gradient, kernel.baseAddress!, into: columns.baseAddress!, m: count * positions, n: filters,
                    k: g.patchSize)
                  col2imAdding(
                    images: columns.baseAddress!, count: count, geometry: g,
                    into: inputGradient.baseAddress! + first * g.inputSize)
                }
              }
              biasGradient.withUnsafeMutableBufferPointer { biasGradient in
                columnSums(
                  of: outputGradient.baseAddress!, rows: batch * positions, columns: filters,
                  into: biasGradient.baseAddress!)
              }
            }
          }
        }
      }
    }
  }
  return (inputGradient, kernelGradient, biasGradient)
}

// MARK: - Reference

/// The convolution written as its definition, one output value at a time:
/// `out[n, oy, ox, f] = bias[f] + Σ_{ky, kx, c} in[n, oy·sy + ky − pt, ox·sx + kx − pl, c] · kernel[ky, kx, c, f]`.
func referenceConvolutionForward(
  input: [Float], kernel: [Float], bias: [Float]?, batch: Int, filters: Int, geometry g: WindowGeometry
) -> [Float] {
  var output = [Float](repeating: 0, count: batch * g.outputHeight * g.outputWidth * filters)
  for n in 0..<batch {
    for oy in 0..<g.outputHeight {
      for ox in 0..<g.outputWidth {
        for f in 0..<filters {
          var sum = bias?[f] ?? 0
          for ky in 0..<g.windowHeight {
            for kx in 0..<g.windowWidth {
              let iy = oy * g.strideY + ky - g.padTop
              let ix = ox * g.strideX + kx - g.padLeft
              guard iy >= 0, iy < g.inputHeight, ix >= 0, ix < g.inputWidth else { continue }
              for c in 0..<g.channels {
                let x = input[((n * g.inputHeight + iy) * g.inputWidth + ix) * g.channels + c]
                sum += x * kernel[((ky * g.windowWidth + kx) * g.channels + c) * filters + f]
              }
            }
          }
          output[((n * g.outputHeight + oy) * g.outputWidth + ox) * filters + f] = sum
        }
      }
    }
  }
  return output
}

/// The convolution's gradients written as their definitions: every output value's gradient is
/// sent back along each multiplication that produced it.
func referenceConvolutionBackward(
  input: [Float], kernel: [Float], outputGradient: [Float], batch: Int, filters: Int, geometry g: WindowGeometry
) -> (input: [Float], kernel: [Float], bias: [Float]) {
  var inputGradient = [Float](repeating: 0, count: input.count)
  var kernelGradient = [Float](repeating: 0, count: kernel.count)
  var biasGradient = [Float](repeating: 0, count: filters)
  for n in 0..<batch {
    for oy in 0..<g.outputHeight {
      for ox in 0..<g.outputWidth {
        for f in 0..<filters {
          let gradient = outputGradient[((n * g.outputHeight + oy) * g.outputWidth + ox) * filters + f]
          biasGradient[f] += gradient
          for ky in 0..<g.windowHeight {
            for kx in 0..<g.windowWidth {
              let iy = oy * g.strideY + ky - g.padTop
              let ix = ox * g.strideX + kx - g.padLeft
              guard iy >= 0, iy < g.inputHeight, ix >= 0, ix < g.inputWidth else { continue }
              for c in 0..<g.channels {
                let inputIndex = ((n * g.inputHeight + iy) * g.inputWidth + ix) * g.channels + c
                let kernelIndex = ((ky * g.windowWidth + kx) * g.channels + c) * filters + f
                inputGradient[inputIndex] += gradient * kernel[kernelIndex]
                kernelGradient[kernelIndex] += gradient * input[inputIndex]
              }
            }
          }
        }
      }
    }
  }
  return (inputGradient, kernelGradient, biasGradient)
}
