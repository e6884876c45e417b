// 2-D convolution in NHWC layout with an HWIO kernel [KH, KW, C, F], done as matrix products:
// each output position's window is unfolded into one row (im2col), so that for one image
//   output[OH·OW × F]      = columns[OH·OW × KH·KW·C] · kernel[KH·KW·C × F] + bias
//   kernelGradient        += columnsᵀ · outputGradient
//   inputGradient          = col2im(outputGradient · kernelᵀ)
// The kernel flattened row-major is already the KH·KW·C × F matrix, and the product's rows are
// already NHWC output pixels, so no transposes are needed. Images are unfolded a few at a time
// into a buffer each thread keeps in its cache, right before the product that reads them.
// `referenceConvolution…` below computes the same sums with plain loops, for the tests.

/// Copies every window of one image into a row of `columns` ([OH·OW, KH·KW·C]), writing zeros
/// where the window hangs over the padded border. Inside the image, one row of a window is KW·C
/// contiguous values (NHWC), so it is copied in one piece.
func im2col(_ image: UnsafePointer<Float>, geometry g: WindowGeometry, into columns: UnsafeMutablePointer<Float>) {
  let windowRow = g.windowWidth &* g.channels
  let imageRow = g.inputWidth &* g.channels
  var row = columns
  if g.padTop == 0 && g.padLeft == 0 && g.outputHeight &* g.strideY &+ g.windowHeight &- g.strideY <= g.inputHeight
    && g.outputWidth &* g.strideX &+ g.windowWidth &- g.strideX <= g.inputWidth
  {
    // Every window lies inside the image (valid padding): no bounds to check.
    for oy in 0..<g.outputHeight {
      for ox in 0..<g.outputWidth {
        var source = image + (oy &* g.strideY &* g.inputWidth &+ ox &* g.strideX) &* g.channels
        for _ in 0..<g.windowHeight {
          copyFloats(from: source, to: row, count: windowRow)
          source += imageRow
          row += windowRow
        }
      }
    }
    return
  }
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

/// Copies `count` floats with vector moves: whole 16-value vectors, then one more vector that
/// ends exactly at the last value (overlapping the previous one), so that nothing outside the
/// two ranges is read or written. The rows of a small window (a 3×3 window on 3 channels copies
/// 9 floats at a time) are too short for a `memmove` call to pay.
@inline(__always)
func copyFloats(from source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<Float>, count: Int) {
  @inline(__always) func copy<Vector: SIMD>(_: Vector.Type, at index: Int) where Vector.Scalar == Float {
    let values = UnsafeRawPointer(source + index).loadUnaligned(as: Vector.self)
    UnsafeMutableRawPointer(destination + index).storeBytes(of: values, as: Vector.self)
  }
  if count >= 16 {
    var index = 0
    while index &+ 16 <= count {
      copy(SIMD16<Float>.self, at: index)
      index &+= 16
    }
    if index < count { copy(SIMD16<Float>.self, at: count &- 16) }
  } else if count >= 8 {
    copy(SIMD8<Float>.self, at: 0)
    copy(SIMD8<Float>.self, at: count &- 8)
  } else if count >= 4 {
    copy(SIMD4<Float>.self, at: 0)
    copy(SIMD4<Float>.self, at: count &- 4)
  } else {
    for index in 0..<count { destination[index] = source[index] }
  }
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

/// Images one thread unfolds at a time in the forward pass: as many as fit in about 256 KiB of
/// windows (at least one), so that the product reads them back from the core's own cache.
func imagesPerChunk(_ g: WindowGeometry) -> Int {
  max(1, (256 << 10) / max(1, g.outputHeight * g.outputWidth * g.patchSize * MemoryLayout<Float>.size))
}

/// Images whose gradients are summed together in the backward pass: enough for about
/// `gradientGroupTerms` output positions. The groups depend only on the geometry, and their
/// partial sums are added in order, so the gradients are the same whatever the number of threads.
func imagesPerGradientGroup(_ g: WindowGeometry) -> Int {
  max(1, gradientGroupTerms / max(1, g.outputHeight * g.outputWidth))
}

/// Output positions per gradient group (see `imagesPerGradientGroup`).
let gradientGroupTerms = 2048

/// Unfolds `count` consecutive images starting at `first` into consecutive rows of `columns`.
private func im2col(
  images first: UnsafePointer<Float>, count: Int, geometry g: WindowGeometry, into columns: UnsafeMutablePointer<Float>
) {
  let valuesPerImage = g.outputHeight * g.outputWidth * g.patchSize
  for image in 0..<count {
    im2col(first + image * g.inputSize, geometry: g, into: columns + image * valuesPerImage)
  }
}

/// Returns the convolution of a batch `[N, H, W, C]` with `kernel` `[KH, KW, C, F]` plus `bias`
/// `[F]` (or none): `[N, OH, OW, F]`.
///
/// With at least as many images as threads, each thread takes a share of the images and, a
/// chunk at a time, unfolds them into its own buffer and multiplies them while they are in its
/// cache (the unfolding is fused into the product's input, never written out whole). With fewer
/// images, they are unfolded one at a time and each product's rows are split over the threads.
/// The result is written into `storage` when it has the right size (see `overwritableArray`).
func convolutionForward(
  input: [Float], kernel: [Float], bias: [Float]?, batch: Int, filters: Int, geometry g: WindowGeometry,
  threads: Int = ComputeThreads.count, reusing storage: consuming [Float] = []
) -> [Float] {
  let positions = g.outputHeight * g.outputWidth
  // Every value is written before it is read: the products overwrite the output.
  var output = overwritableArray(count: batch * positions * filters, reusing: storage)
  guard batch > 0 else { return output }
  let splitsImages = batch >= threads
  let chunk = splitsImages ? imagesPerChunk(g) : 1
  input.withUnsafeBufferPointer { input in
    kernel.withUnsafeBufferPointer { kernel in
      output.withUnsafeMutableBufferPointer { output in
        (bias ?? []).withUnsafeBufferPointer { bias in
          let (input, kernel, output) = (input.baseAddress!, kernel.baseAddress!, output.baseAddress!)
          let bias = bias.isEmpty ? nil : bias.baseAddress!
          ComputeThreads.forEachShare(
            of: batch, workPerItem: positions * g.patchSize * filters, threads: splitsImages ? threads : 1
          ) { images in
            ScratchBuffers.shared.withFloats(chunk * positions * g.patchSize) { columns in
              for first in stride(from: images.lowerBound, to: images.upperBound, by: chunk) {
                let count = min(chunk, images.upperBound - first)
                im2col(images: input + first * g.inputSize, count: count, geometry: g, into: columns)
                matrixMultiply(
                  columns, kernel, into: output + first * positions * filters, m: count * positions, n: filters,
                  k: g.patchSize, bias: bias, threads: splitsImages ? 1 : threads)
              }
            }
          }
        }
      }
    }
  }
  return output
}

/// The gradients of a convolution, given ∂loss/∂output `[N, OH, OW, F]`.
///
/// The batch is cut into groups of `imagesPerGradientGroup` images, shared out over the threads.
/// Each group is unfolded into its thread's buffer, and its kernel and bias gradients computed
/// from it into the group's own partial sums, which are then added up in group order. The
/// results are written into `storage` when it has the right sizes (see `overwritableArray`).
///
/// - Parameter needsInputGradient: false for a model's first layer, whose input gradient nobody
///   uses; it is then returned empty, saving about a third of the work.
/// - Returns: ∂loss/∂input `[N, H, W, C]`, ∂loss/∂kernel `[KH, KW, C, F]` and ∂loss/∂bias `[F]`,
///   each summed over the batch.
func convolutionBackward(
  input: [Float], kernel: [Float], outputGradient: [Float], batch: Int, filters: Int, geometry g: WindowGeometry,
  needsInputGradient: Bool = true, threads: Int = ComputeThreads.count,
  reusing storage: consuming (input: [Float], kernel: [Float], bias: [Float]) = ([], [], [])
) -> (input: [Float], kernel: [Float], bias: [Float]) {
  let positions = g.outputHeight * g.outputWidth
  let kernelCount = g.patchSize * filters
  // Each group zeroes its own images' input gradients before adding to them.
  var inputGradient = overwritableArray(count: needsInputGradient ? batch * g.inputSize : 0, reusing: storage.input)
  var kernelGradient = overwritableArray(count: kernelCount, reusing: storage.kernel)
  var biasGradient = overwritableArray(count: filters, reusing: storage.bias)
  guard batch > 0 else {
    kernelGradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    biasGradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    return (inputGradient, kernelGradient, biasGradient)
  }
  let perGroup = imagesPerGradientGroup(g)
  let groups = (batch + perGroup - 1) / perGroup
  let splitsGroups = groups >= threads
  // Each group's kernel gradient, then its bias gradient.
  ScratchBuffers.shared.withFloats(groups * (kernelCount + filters)) { partials in
    input.withUnsafeBufferPointer { input in
      kernel.withUnsafeBufferPointer { kernel in
        outputGradient.withUnsafeBufferPointer { outputGradient in
          inputGradient.withUnsafeMutableBufferPointer { inputGradient in
            let (input, kernel, outputGradient) = (input.baseAddress!, kernel.baseAddress!, outputGradient.baseAddress!)
            let inputGradient = needsInputGradient ? inputGradient.baseAddress : nil
            let work = perGroup * positions * kernelCount * (needsInputGradient ? 2 : 1)
            ComputeThreads.forEachShare(of: groups, workPerItem: work, threads: splitsGroups ? threads : 1) { share in
              ScratchBuffers.shared.withFloats(perGroup * positions * g.patchSize) { columns in
                let productThreads = splitsGroups ? 1 : threads
                for group in share {
                  let first = group * perGroup
                  let count = min(perGroup, batch - first)
                  let gradient = outputGradient + first * positions * filters
                  let partial = partials + group * (kernelCount + filters)
                  // ∂kernel = columnsᵀ · ∂output, ∂bias = the sum of ∂output's rows
                  im2col(images: input + first * g.inputSize, count: count, geometry: g, into: columns)
                  matrixMultiplyTransposingFirst(
                    columns, gradient, into: partial, m: count * positions, n: filters, k: g.patchSize,
                    threads: productThreads)
                  columnSums(of: gradient, rows: count * positions, columns: filters, into: partial + kernelCount)
                  // ∂input = col2im(∂output · kernelᵀ)
                  if let inputGradient {
                    let images = inputGradient + first * g.inputSize
                    images.update(repeating: 0, count: count * g.inputSize)
                    matrixMultiplyTransposingSecond(
                      gradient, kernel, into: columns, m: count * positions, n: filters, k: g.patchSize,
                      threads: productThreads)
                    for image in 0..<count {
                      col2imAdding(
                        columns + image * positions * g.patchSize, geometry: g, into: images + image * g.inputSize)
                    }
                  }
                }
              }
            }
            // The sums start from the first group's partials; the others are added in order.
            for group in 0..<groups {
              let partial = partials + group * (kernelCount + filters)
              for index in 0..<kernelCount {
                kernelGradient[index] = group == 0 ? partial[index] : kernelGradient[index] + partial[index]
              }
              for index in 0..<filters {
                let value = partial[kernelCount + index]
                biasGradient[index] = group == 0 ? value : biasGradient[index] + value
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
