// A convolution whose ReLU output goes straight into a max pooling whose windows tile it (2×2
// with stride 2): the output rows one row of windows covers are computed into a small buffer
// and pooled from there, so the convolution's output (65 MB a step for `small`'s first layer at
// 180×180) is never written to memory and read back. The results are those of
// `convolutionForward` then `maxPoolingForward`, bit for bit: each position is the same sum
// (`convolvePositions`), and the pooling compares the same values in the same order.

/// Returns the max pooling `pool` (whose windows tile the image: `isTiling`) of the rectified
/// convolution of `input` `[N, H, W, C]` with `kernel` and `bias`: the pooled `[N, PH, PW, F]`
/// and, for each pooled value, the index its winner would have in the convolution's output
/// `[N, OH, OW, F]`, as `maxPoolingForward(convolutionForward(…, rectifies: true))` gives them.
/// Rows and columns of the convolution past the last window are not computed: no window reads
/// them. Images are shared out over `threads`; results are written into `storage` when it has
/// the right sizes (see `overwritableArray`).
func convolutionForwardPooled(
  input: [Float], kernel: [Float], bias: [Float]?, batch: Int, filters: Int, geometry g: WindowGeometry,
  pool p: WindowGeometry, threads: Int = ComputeThreads.count,
  reusing storage: consuming (output: [Float], winners: [Int32]) = ([], [])
) -> (output: [Float], winners: [Int32]) {
  precondition(
    p.isTiling && p.inputHeight == g.outputHeight && p.inputWidth == g.outputWidth && p.channels == filters,
    "convolutionForwardPooled: the pooling does not tile the convolution's output")
  let pooledCount = batch * p.outputHeight * p.outputWidth * filters
  var output = overwritableArray(count: pooledCount, reusing: storage.output)
  var winners = overwritableArray(count: pooledCount, reusing: storage.winners)
  guard pooledCount > 0 else { return (output, winners) }
  let band = p.windowHeight * g.outputWidth  // the convolution positions one row of windows covers
  let paddedSize = PaddedImage.isNeeded(g) ? PaddedImage.size(g) : 0
  let scratch = ScratchBuffers.shared
  input.withUnsafeBufferPointer { input in
    kernel.withUnsafeBufferPointer { kernel in
      (bias ?? []).withUnsafeBufferPointer { bias in
        output.withUnsafeMutableBufferPointer { output in
          winners.withUnsafeMutableBufferPointer { winners in
            let (input, output, winners) = (input.baseAddress!, output.baseAddress!, winners.baseAddress!)
            let bias = bias.isEmpty ? nil : bias.baseAddress!
            let kernelSize = PackedKernel.size(depth: g.patchSize, filters: filters)
            scratch.withFloats(kernelSize + 2 * filters + 32) { storage in
              let packed = PackedKernel(
                kernel.baseAddress!, depth: g.patchSize, filters: filters, bias: bias, into: storage,
                biasStorage: storage + kernelSize)
              let work = g.outputHeight * g.outputWidth * g.patchSize * filters
              ComputeThreads.forEachShare(of: batch, workPerItem: work, threads: threads) { images in
                scratch.withFloats(paddedSize + band * filters) { buffer in
                  let rows = buffer + paddedSize
                  for n in images {
                    let image = PaddedImage(input + n * g.inputSize, geometry: g, buffer: buffer)
                    for py in 0..<p.outputHeight {
                      let first = py * band
                      convolvePositions(
                        image, geometry: g, kernel: packed, filters: filters, rectifies: true,
                        positions: first..<(first + band), into: rows)
                      poolRowOfWindows(
                        rows, image: n, windowRow: py, geometry: p,
                        into: output + (n * p.outputHeight + py) * p.outputWidth * filters,
                        winners: winners + (n * p.outputHeight + py) * p.outputWidth * filters)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  return (output, winners)
}
