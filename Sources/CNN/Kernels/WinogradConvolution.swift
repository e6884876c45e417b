// Stride-1 3×3 convolutions by Winograd's minimal filtering (see WinogradTransforms.swift for
// the maths): per chunk of 2×2 output tiles,
//   V[ξν] = Bᵀ d B      tiles × C      (input tiles, transformed)
//   M[ξν] = V[ξν] · U[ξν]  tiles × F   (16 matrix products, U = G g Gᵀ transformed once per call)
//   Y     = Aᵀ M A + bias              (the bias is where product ξν = (1, 1) starts: that product
//                                        reaches each of a tile's four outputs exactly once)
// 2.25 times fewer multiplications than the im2col product, at the cost of the transforms.
// The gradients: ∂input is the forward convolution of ∂output with the kernel turned by 180°
// and its C and F swapped; ∂kernel sums, over the tiles, Vᵀ[ξν] · W[ξν] (W = G₂ ∂y G₂ᵀ), a
// C × F product per ξν, and transforms the 16 sums back to 3×3 once.
// A chunk is a few rows of tiles, sized to stay in the core's cache (`WinogradTiling`);
// `referenceConvolutionForward/Backward` (Convolution.swift) define what the results must be.

/// Returns the stride-1 3×3 convolution of a batch `[N, H, W, C]` with `kernel` `[3, 3, C, F]`
/// plus `bias` `[F]` (or none): `[N, OH, OW, F]`, as `convolutionForward` does, zero where not
/// positive with `rectifies`.
///
/// The chunks are shared out over `threads`; every output value is computed the same way
/// whichever thread computes it. The result is written into `storage` when it has the right
/// size (see `overwritableArray`).
func winogradConvolutionForward(
  input: [Float], kernel: [Float], bias: [Float]?, batch: Int, filters: Int, geometry g: WindowGeometry,
  rectifies: Bool = false, threads: Int = ComputeThreads.count, reusing storage: consuming [Float] = []
) -> [Float] {
  var output = overwritableArray(count: batch * g.outputHeight * g.outputWidth * filters, reusing: storage)
  guard batch > 0, !output.isEmpty else { return output }
  let tiling = WinogradTiling(geometry: g, filters: filters, batch: batch)
  let channels = g.channels
  let multiplier = WinogradProducts(channels: channels, filters: filters)
  let scratch = ScratchBuffers.shared
  scratch.withFloats(16 * channels * filters + multiplier.size + max(channels, 16)) { buffer in
    let (transformedKernel, packedKernel) = (buffer, buffer + 16 * channels * filters)
    let zeros = packedKernel + multiplier.size
    zeros.update(repeating: 0, count: max(channels, 16))
    input.withUnsafeBufferPointer { input in
      kernel.withUnsafeBufferPointer { kernel in
        output.withUnsafeMutableBufferPointer { output in
          (bias ?? []).withUnsafeBufferPointer { bias in
            let (input, output) = (input.baseAddress!, output.baseAddress!)
            winogradTransformKernel(kernel.baseAddress!, channels: channels, filters: filters, into: transformedKernel)
            multiplier.pack(transformedKernel, bias: bias.isEmpty ? nil : bias.baseAddress, into: packedKernel)
            let work = tiling.tilesPerChunk * 16 * channels * filters
            ComputeThreads.forEachShare(of: tiling.chunks, workPerItem: work, threads: threads) { chunks in
              // Zeroed once, so that the rows past a chunk's last tile that the products read
              // hold numbers (never garbage that could be a slow subnormal).
              let tilesSize = tiling.transformedSize(width: channels) + PackedMatrixMultiply.tileRows * channels
              scratch.withFloats(tilesSize) { tiles in
                tiles.update(repeating: 0, count: tilesSize)
                scratch.withFloats(tiling.transformedSize(width: filters)) { products in
                  for chunk in chunks {
                    let rows = tiling.rows(ofChunk: chunk)
                    tiling.transformInput(input, rows: rows, zeros: zeros, into: tiles)
                    multiplier.multiply(tiles, count: rows.count * tiling.tilesAcross, by: packedKernel, into: products)
                    tiling.inverseTransformOutput(products, rows: rows, rectifies: rectifies, into: output)
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

/// The gradients of a stride-1 3×3 convolution, given ∂loss/∂output `[N, OH, OW, F]`, as
/// `convolutionBackward` returns them: ∂input `[N, H, W, C]` (empty unless
/// `needsInputGradient`), ∂kernel `[3, 3, C, F]` and ∂bias `[F]`, each summed over the batch.
///
/// The chunks are cut into at most `winogradGradientGroups` groups that depend only on the shapes; each
/// group sums its chunks' kernel products into its own partial sums, and the partial sums are
/// added in group order, so the results are the same whatever the number of threads.
func winogradConvolutionBackward(
  input: [Float], kernel: [Float], outputGradient: [Float], batch: Int, filters: Int, geometry g: WindowGeometry,
  needsInputGradient: Bool = true, threads: Int = ComputeThreads.count,
  reusing storage: consuming (input: [Float], kernel: [Float], bias: [Float]) = ([], [], [])
) -> (input: [Float], kernel: [Float], bias: [Float]) {
  let channels = g.channels
  var inputGradient: [Float] = []
  if needsInputGradient {
    let turned = kernel.withUnsafeBufferPointer { halfTurnedKernel($0.baseAddress!, geometry: g, filters: filters) }
    inputGradient = winogradConvolutionForward(
      input: outputGradient, kernel: turned, bias: nil,
      batch: batch, filters: channels, geometry: inputGradientGeometry(g, filters: filters), threads: threads,
      reusing: storage.input)
  }
  var kernelGradient = overwritableArray(count: 9 * channels * filters, reusing: storage.kernel)
  var biasGradient = overwritableArray(count: filters, reusing: storage.bias)
  let positions = batch * g.outputHeight * g.outputWidth
  guard positions > 0 else {
    kernelGradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    biasGradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    return (inputGradient, kernelGradient, biasGradient)
  }
  let tiling = WinogradTiling(geometry: g, filters: filters, batch: batch)
  let multiplier = WinogradProducts(channels: channels, filters: filters)
  let groups = min(tiling.chunks, winogradGradientGroups)
  let sumsSize = 16 * channels * filters
  let scratch = ScratchBuffers.shared
  scratch.withFloats(groups * sumsSize) { partials in
    scratch.withFloats(max(channels, filters, 16)) { zeros in
      zeros.update(repeating: 0, count: max(channels, filters, 16))
      input.withUnsafeBufferPointer { input in
        outputGradient.withUnsafeBufferPointer { outputGradient in
          let (input, outputGradient) = (input.baseAddress!, outputGradient.baseAddress!)
          let work = tiling.chunks / groups * tiling.tilesPerChunk * 16 * channels * filters
          ComputeThreads.forEachShare(of: groups, workPerItem: work, threads: threads) { share in
            // Zeroed once, so that the values the products read past a chunk's last tile or
            // past the last filter are numbers (never garbage that could be a slow subnormal).
            let tilesSize = tiling.transformedSize(width: channels) + PackedMatrixMultiply.tileRows * channels
            let gradientsSize = multiplier.packedGradientSize(tiles: tiling.tilesPerChunk)
            scratch.withFloats(tilesSize + gradientsSize) { buffer in
              buffer.update(repeating: 0, count: tilesSize + gradientsSize)
              let (tiles, gradients) = (buffer, buffer + tilesSize)
              for group in share {
                let sums = partials + group * sumsSize
                let chunks = (tiling.chunks * group / groups)..<(tiling.chunks * (group + 1) / groups)
                for chunk in chunks {
                  let rows = tiling.rows(ofChunk: chunk)
                  tiling.transformInput(input, rows: rows, zeros: zeros, into: tiles)
                  tiling.transformOutputGradient(
                    outputGradient, rows: rows, zeros: zeros, panelWidth: multiplier.panelWidth, into: gradients)
                  multiplier.accumulateKernelGradient(
                    tiles, count: rows.count * tiling.tilesAcross, gradients, into: sums,
                    adds: chunk > chunks.lowerBound)
                }
              }
            }
          }
          // The first group's sums gain the others', in group order.
          for group in 1..<groups {
            let partial = partials + group * sumsSize
            for index in 0..<sumsSize { partials[index] += partial[index] }
          }
          kernelGradient.withUnsafeMutableBufferPointer { kernelGradient in
            winogradInverseTransformKernelGradient(
              partials, channels: channels, filters: filters, into: kernelGradient.baseAddress!)
          }
          biasGradient.withUnsafeMutableBufferPointer { biasGradient in
            columnSums(of: outputGradient, rows: positions, columns: filters, into: biasGradient.baseAddress!)
          }
        }
      }
    }
  }
  return (inputGradient, kernelGradient, biasGradient)
}

/// The most groups the kernel gradient's chunks are cut into: a multiple of 1, 2, 3, 4 and 6
/// threads, so that they share the groups evenly.
let winogradGradientGroups = 12
