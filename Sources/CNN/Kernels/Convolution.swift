// 2-D convolution in NHWC layout with an HWIO kernel [KH, KW, C, F], done as matrix products
// over the windows of each image (im2col's matrix, read in place: see WindowedConvolution.swift):
//   output[OH·OW × F]      = windows[OH·OW × KH·KW·C] · kernel[KH·KW·C × F] + bias
//   kernelGradient        += windowsᵀ · outputGradient
//   inputGradient          = the stride-1 convolution of the padded outputGradient with the
//                            kernel turned half a turn; with larger strides, col2im(outputGradient · kernelᵀ)
// The kernel flattened row-major is already the KH·KW·C × F matrix, and the product's rows are
// already NHWC output pixels, so no transposes are needed.
// `referenceConvolution…` below computes the same sums with plain loops, for the tests.

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

/// Images whose gradients are summed together in the backward pass: enough for about
/// `gradientGroupTerms` output positions. The groups depend only on the geometry, and their
/// partial sums are added in order, so the gradients are the same whatever the number of threads.
func imagesPerGradientGroup(_ g: WindowGeometry) -> Int {
  max(1, gradientGroupTerms / max(1, g.outputHeight * g.outputWidth))
}

/// Output positions per gradient group (see `imagesPerGradientGroup`).
let gradientGroupTerms = 2048

/// Returns the convolution of a batch `[N, H, W, C]` with `kernel` `[KH, KW, C, F]` plus `bias`
/// `[F]` (or none): `[N, OH, OW, F]`, with values that are not positive set to zero when
/// `rectifies` (a ReLU fused into the product's write-back).
///
/// The kernel is packed once. With at least as many images as threads, each thread takes a
/// share of the images; with fewer, each image's tiles of output positions are shared out. Each
/// output value is one sum in one order whichever thread computes it. The result is written into
/// `storage` when it has the right size (see `overwritableArray`).
func convolutionForward(
  input: [Float], kernel: [Float], bias: [Float]?, batch: Int, filters: Int, geometry g: WindowGeometry,
  rectifies: Bool = false, threads: Int = ComputeThreads.count, reusing storage: consuming [Float] = []
) -> [Float] {
  let positions = g.outputHeight * g.outputWidth
  // Every value is written before it is read: the tiles overwrite the output.
  var output = overwritableArray(count: batch * positions * filters, reusing: storage)
  guard batch > 0 else { return output }
  let tiles = (positions + PackedMatrixMultiply.tileRows - 1) / PackedMatrixMultiply.tileRows
  let tileWork = PackedMatrixMultiply.tileRows * g.patchSize * filters
  let paddedSize = PaddedImage.isNeeded(g) ? PaddedImage.size(g) : 0
  let scratch = ScratchBuffers.shared
  input.withUnsafeBufferPointer { input in
    kernel.withUnsafeBufferPointer { kernel in
      output.withUnsafeMutableBufferPointer { output in
        (bias ?? []).withUnsafeBufferPointer { bias in
          let (input, output) = (input.baseAddress!, output.baseAddress!)
          let bias = bias.isEmpty ? nil : bias.baseAddress!
          scratch.withFloats(PackedKernel.size(depth: g.patchSize, filters: filters) + 2 * filters + 32) { storage in
            let packed = PackedKernel(
              kernel.baseAddress!, depth: g.patchSize, filters: filters, bias: bias, into: storage,
              biasStorage: storage + PackedKernel.size(depth: g.patchSize, filters: filters))
            func convolve(image n: Int, tiles share: Range<Int>, buffer: UnsafeMutablePointer<Float>) {
              let image = PaddedImage(input + n * g.inputSize, geometry: g, buffer: buffer)
              convolveTiles(
                image, geometry: g, kernel: packed, filters: filters, rectifies: rectifies, tiles: share,
                into: output + n * positions * filters)
            }
            if batch >= threads {
              ComputeThreads.forEachShare(of: batch, workPerItem: tiles * tileWork, threads: threads) { images in
                scratch.withFloats(paddedSize) { buffer in
                  for n in images { convolve(image: n, tiles: 0..<tiles, buffer: buffer) }
                }
              }
            } else {
              // One image at a time, its padded copy made once and its tiles shared out.
              scratch.withFloats(paddedSize) { buffer in
                for n in 0..<batch {
                  let image = PaddedImage(input + n * g.inputSize, geometry: g, buffer: buffer)
                  ComputeThreads.forEachShare(of: tiles, workPerItem: tileWork, threads: threads) { share in
                    convolveTiles(
                      image, geometry: g, kernel: packed, filters: filters, rectifies: rectifies, tiles: share,
                      into: output + n * positions * filters)
                  }
                }
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
/// Each group's kernel and bias gradients go into the group's own partial sums, which are then
/// added up in group order. With stride 1 the input gradient is a convolution of its own (see
/// `inputGradientGeometry`); with larger strides each group's is `col2im(∂output · kernelᵀ)`.
/// The results are written into `storage` when it has the right sizes (see `overwritableArray`).
///
/// - Parameters:
///   - needsInputGradient: false for a model's first layer, whose input gradient nobody uses; it
///     is then returned empty, saving about half of the work.
///   - writeOutputGradient: when given, `outputGradient` is empty, and image n's ∂loss/∂output
///     `[OH, OW, F]` is written by `writeOutputGradient(n, buffer)` when its group needs it (a
///     max pooling's gradient sent back to its winners: see `Conv2D.backward(pooledGradient:…)`),
///     so that the batch's is never stored whole. The input gradient is then computed group by
///     group too (`ImageInputGradient`), with the same bits.
/// - Returns: ∂loss/∂input `[N, H, W, C]`, ∂loss/∂kernel `[KH, KW, C, F]` and ∂loss/∂bias `[F]`,
///   each summed over the batch.
func convolutionBackward(
  input: [Float], kernel: [Float], outputGradient: [Float], batch: Int, filters: Int, geometry g: WindowGeometry,
  needsInputGradient: Bool = true, threads: Int = ComputeThreads.count,
  reusing storage: consuming (input: [Float], kernel: [Float], bias: [Float]) = ([], [], []),
  writeOutputGradient: ((Int, UnsafeMutablePointer<Float>) -> Void)? = nil
) -> (input: [Float], kernel: [Float], bias: [Float]) {
  let positions = g.outputHeight * g.outputWidth
  let kernelCount = g.patchSize * filters
  let isStrided = g.strideY != 1 || g.strideX != 1
  // With an output gradient written group by group, so is the stride-1 input gradient.
  let turnsByGroup = needsInputGradient && !isStrided && writeOutputGradient != nil
  var inputGradient: [Float]
  if needsInputGradient && !isStrided && !turnsByGroup {
    let turned = kernel.withUnsafeBufferPointer { halfTurnedKernel($0.baseAddress!, geometry: g, filters: filters) }
    inputGradient = convolutionForward(
      input: outputGradient, kernel: turned, bias: nil, batch: batch, filters: g.channels,
      geometry: inputGradientGeometry(g, filters: filters), threads: threads, reusing: storage.input)
  } else {
    // Each group writes its own images' input gradients, or zeroes them before adding to them.
    inputGradient = overwritableArray(count: needsInputGradient ? batch * g.inputSize : 0, reusing: storage.input)
  }
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
  let addsInputGradient = needsInputGradient && isStrided
  let paddedSize = PaddedImage.isNeeded(g) ? PaddedImage.size(g) : 0
  let panelsSize = gradientPanelsSize(g, filters: filters)
  let writtenSize = writeOutputGradient == nil ? 0 : perGroup * positions * filters
  let turnedSize = turnsByGroup ? ImageInputGradient.storageSize(g, filters: filters) : 0
  let scratch = ScratchBuffers.shared
  // Each group's kernel gradient, then its bias gradient; then the turned kernel, packed.
  scratch.withFloats(groups * (kernelCount + filters) + turnedSize) { partials in
    let turned = kernel.withUnsafeBufferPointer { kernel in
      turnsByGroup
        ? ImageInputGradient(
          kernel: kernel.baseAddress!, geometry: g, filters: filters,
          storage: partials + groups * (kernelCount + filters)) : nil
    }
    let turningSize = turned?.paddingSize ?? 0
    input.withUnsafeBufferPointer { input in
      kernel.withUnsafeBufferPointer { kernel in
        outputGradient.withUnsafeBufferPointer { outputGradient in
          inputGradient.withUnsafeMutableBufferPointer { inputGradient in
            let (input, kernel, outputGradient) = (input.baseAddress!, kernel.baseAddress!, outputGradient.baseAddress)
            let writtenInputGradient = turnsByGroup ? inputGradient.baseAddress : nil
            let inputGradient = addsInputGradient ? inputGradient.baseAddress : nil
            let work = perGroup * positions * kernelCount * (addsInputGradient || turnsByGroup ? 2 : 1)
            ComputeThreads.forEachShare(of: groups, workPerItem: work, threads: splitsGroups ? threads : 1) { share in
              scratch.withFloats(paddedSize + panelsSize + writtenSize + turningSize) { buffer in
                for group in share {
                  let first = group * perGroup
                  let count = min(perGroup, batch - first)
                  let gradient: UnsafePointer<Float>
                  if let writeOutputGradient {
                    let written = buffer + paddedSize + panelsSize
                    for image in 0..<count { writeOutputGradient(first + image, written + image * positions * filters) }
                    gradient = UnsafePointer(written)
                  } else {
                    gradient = outputGradient! + first * positions * filters
                  }
                  let partial = partials + group * (kernelCount + filters)
                  // ∂kernel = windowsᵀ · ∂output, ∂bias = the sum of ∂output's rows
                  for image in 0..<count {
                    let padded = PaddedImage(input + (first + image) * g.inputSize, geometry: g, buffer: buffer)
                    addKernelGradient(
                      of: padded, gradient: gradient + image * positions * filters, geometry: g, filters: filters,
                      into: partial, adds: image > 0, packing: buffer + paddedSize)
                  }
                  columnSums(of: gradient, rows: count * positions, columns: filters, into: partial + kernelCount)
                  if let inputGradient {
                    addStridedInputGradient(
                      gradient, kernel: kernel, images: count, geometry: g, filters: filters,
                      into: inputGradient + first * g.inputSize)
                  }
                  if let turned, let writtenInputGradient {
                    for image in 0..<count {
                      turned.write(
                        from: gradient + image * positions * filters,
                        into: writtenInputGradient + (first + image) * g.inputSize,
                        padding: buffer + paddedSize + panelsSize + writtenSize)
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

/// Writes the input gradient of `images` images of a strided convolution into `images`' place
/// in `inputGradient`: ∂output · kernelᵀ gives each window's gradient, which col2im adds back
/// onto the pixels the window covered.
private func addStridedInputGradient(
  _ gradient: UnsafePointer<Float>, kernel: UnsafePointer<Float>, images: Int, geometry g: WindowGeometry,
  filters: Int, into inputGradient: UnsafeMutablePointer<Float>
) {
  let positions = g.outputHeight * g.outputWidth
  inputGradient.update(repeating: 0, count: images * g.inputSize)
  ScratchBuffers.shared.withFloats(positions * g.patchSize) { columns in
    for image in 0..<images {
      matrixMultiplyTransposingSecond(
        gradient + image * positions * filters, kernel, into: columns, m: positions, n: filters, k: g.patchSize,
        threads: 1)
      col2imAdding(columns, geometry: g, into: inputGradient + image * g.inputSize)
    }
  }
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
