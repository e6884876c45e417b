// Max and average pooling over NHWC batches. A window never mixes channels, so each output pixel
// is computed for all C channels at once, walking the window's cells and, inside each cell, the
// contiguous channel values (the loop the compiler vectorises). Cells of a window that fall in
// the `.same` padding are skipped: they never win a max, and an average divides by the number of
// real cells only (TensorFlow's rule, which Keras follows).

/// The input rows and columns a window covers, clipped to the image.
@inline(__always)
private func cells(oy: Int, ox: Int, geometry g: WindowGeometry) -> (rows: Range<Int>, columns: Range<Int>) {
  let top = oy * g.strideY - g.padTop
  let left = ox * g.strideX - g.padLeft
  return (
    Swift.max(top, 0)..<Swift.min(top + g.windowHeight, g.inputHeight),
    Swift.max(left, 0)..<Swift.min(left + g.windowWidth, g.inputWidth)
  )
}

/// Returns max pooling of `[N, H, W, C]` → `[N, OH, OW, C]`, and for every output value the index
/// in `input` of the value that won (the first one in row-major order, on ties), which the
/// backward pass needs; 32-bit, half the memory of `Int`, as inputs stay far below 2³¹ values.
/// Both are written into `storage` when it has the right sizes (see `overwritableArray`).
func maxPoolingForward(
  input: [Float], batch: Int, geometry g: WindowGeometry,
  reusing storage: consuming (output: [Float], winners: [Int32]) = ([], [])
) -> (output: [Float], winners: [Int32]) {
  precondition(input.count <= Int(Int32.max), "maxPoolingForward: more values than 32-bit winner indices can name")
  let channels = g.channels
  let outputCount = batch * g.outputHeight * g.outputWidth * channels
  // Every window holds at least one real cell, whose value is written first: no fill needed.
  var output = overwritableArray(count: outputCount, reusing: storage.output)
  var winners = overwritableArray(count: outputCount, reusing: storage.winners)
  guard outputCount > 0 else { return (output, winners) }
  let windowArea = g.windowHeight * g.windowWidth
  input.withUnsafeBufferPointer { input in
    output.withUnsafeMutableBufferPointer { output in
      winners.withUnsafeMutableBufferPointer { winners in
        // Images are shared out over the threads; each writes only its own outputs.
        ComputeThreads.forEachShare(of: batch, workPerItem: outputCount / batch * windowArea) { images in
          withUnsafeTemporaryAllocation(of: Int.self, capacity: windowArea) { cellStarts in
            for n in images {
              for oy in 0..<g.outputHeight {
                for ox in 0..<g.outputWidth {
                  let out = ((n &* g.outputHeight &+ oy) &* g.outputWidth &+ ox) &* channels
                  // The window's real cells, in row-major order: where each one's channels start.
                  let (rows, columns) = cells(oy: oy, ox: ox, geometry: g)
                  var cellCount = 0
                  for iy in rows {
                    for ix in columns {
                      cellStarts[cellCount] = ((n &* g.inputHeight &+ iy) &* g.inputWidth &+ ix) &* channels
                      cellCount &+= 1
                    }
                  }
                  let cellsOfWindow = UnsafeBufferPointer(rebasing: cellStarts[0..<cellCount])
                  if channels % 16 == 0 {
                    maxOfSixteens(
                      input.baseAddress!, cells: cellsOfWindow, channels: channels, into: output.baseAddress! + out,
                      winners.baseAddress! + out)
                  } else {
                    maxOfEach(
                      input.baseAddress!, cells: cellsOfWindow, channels: channels, into: output.baseAddress! + out,
                      winners.baseAddress! + out)
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

/// The largest value of each channel over a window's `cells` (where each cell's channels start
/// in `input`) and the index of the first cell holding it, channel by channel.
@inline(__always)
private func maxOfEach(
  _ input: UnsafePointer<Float>, cells: UnsafeBufferPointer<Int>, channels: Int, into best: UnsafeMutablePointer<Float>,
  _ winner: UnsafeMutablePointer<Int32>
) {
  for c in 0..<channels {
    var value = input[cells[0] &+ c]
    var index = cells[0] &+ c
    for cell in cells.dropFirst() where input[cell &+ c] > value {
      value = input[cell &+ c]
      index = cell &+ c
    }
    best[c] = value
    winner[c] = Int32(truncatingIfNeeded: index)
  }
}

/// The same as `maxOfEach`, sixteen channels at a time in vector registers: the running maximum
/// and the index of the value it came from are vectors whose lanes are as wide (32 bits), so one
/// comparison mask selects both. Winners are numbered `indexOffset` past their place in `input`
/// (for a buffer that holds only some rows of the image, see `poolRowOfWindows`).
@inline(__always)
private func maxOfSixteens(
  _ input: UnsafePointer<Float>, cells: UnsafeBufferPointer<Int>, channels: Int,
  into best: UnsafeMutablePointer<Float>, _ winner: UnsafeMutablePointer<Int32>, indexOffset: Int = 0
) {
  let lanes = SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
  for start in stride(from: 0, to: channels, by: 16) {
    var maximum = UnsafeRawPointer(input + (cells[0] &+ start)).loadUnaligned(as: SIMD16<Float>.self)
    var index = lanes &+ Int32(truncatingIfNeeded: cells[0] &+ start &+ indexOffset)
    for number in 1..<cells.count {
      let value = UnsafeRawPointer(input + (cells[number] &+ start)).loadUnaligned(as: SIMD16<Float>.self)
      let beats = value .> maximum
      maximum.replace(with: value, where: beats)
      index.replace(with: lanes &+ Int32(truncatingIfNeeded: cells[number] &+ start &+ indexOffset), where: beats)
    }
    UnsafeMutableRawPointer(best + start).storeBytes(of: maximum, as: SIMD16<Float>.self)
    UnsafeMutableRawPointer(winner + start).storeBytes(of: index, as: SIMD16<Int32>.self)
  }
}

/// Pools one row of windows that tile an image (`isTiling`) into one row of pooled values and
/// winners, from `rows`, a buffer holding only the `windowHeight` input rows that row of
/// windows covers (`[windowHeight, W, C]`): what `convolutionForwardPooled` computes a
/// convolution into. Winners are numbered as in the whole batch's input, image `n`, window row
/// `py`, as `maxPoolingForward` numbers them.
func poolRowOfWindows(
  _ rows: UnsafePointer<Float>, image n: Int, windowRow py: Int, geometry p: WindowGeometry,
  into output: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int32>
) {
  precondition(p.isTiling, "poolRowOfWindows: the windows do not tile the image")
  let channels = p.channels
  // Where the buffer's first value lies in the batch's input.
  let indexOffset = (n * p.inputHeight + py * p.strideY) * p.inputWidth * channels
  withUnsafeTemporaryAllocation(of: Int.self, capacity: p.windowHeight * p.windowWidth) { cellStarts in
    for px in 0..<p.outputWidth {
      var cell = 0
      for dy in 0..<p.windowHeight {
        for dx in 0..<p.windowWidth {
          cellStarts[cell] = (dy * p.inputWidth + px * p.strideX + dx) * channels
          cell += 1
        }
      }
      maxOfSixteens(
        rows, cells: UnsafeBufferPointer(cellStarts), channels: channels, into: output + px * channels,
        winners + px * channels, indexOffset: indexOffset)
    }
  }
}

/// Returns ∂loss/∂input of max pooling over `batch` images: each output gradient goes to the
/// input value that won. Images are shared out over the threads: a window never leaves its
/// image, so each thread writes only its own images' gradients. The result is written into
/// `storage` when it has the right size (see `overwritableArray`).
///
/// Given the pooled `output` of an input that a ReLU made, it also applies ReLU's derivative: a
/// window whose largest value is not positive sends nothing back, and the others send their
/// gradient to a positive winner. Only winners get a gradient, so this is the whole of ReLU's
/// derivative, and the layer that applied the ReLU need not pass over its gradient again.
///
/// With the `geometry`, windows that tile the image without overlapping (a 2×2 pooling with
/// stride 2, `.valid`) on channels in sixteens are written cell by cell in one pass instead:
/// each cell gets its window's gradient where it won, else zero (see `writeTiledGradients`).
func maxPoolingBackward(
  outputGradient: [Float], winners: [Int32], inputCount: Int, batch: Int, geometry: WindowGeometry? = nil,
  rectifiedOutput output: [Float]? = nil, reusing storage: consuming [Float] = []
) -> [Float] {
  precondition(output.map { $0.count == winners.count } ?? true, "maxPoolingBackward: output and winners differ")
  var inputGradient = overwritableArray(count: inputCount, reusing: storage)
  guard batch > 0 else { return inputGradient }
  let (inputsPerImage, outputsPerImage) = (inputCount / batch, winners.count / batch)
  let tiling = geometry.flatMap { g in g.isTiling && g.inputSize == inputsPerImage ? g : nil }
  inputGradient.withUnsafeMutableBufferPointer { inputGradient in
    outputGradient.withUnsafeBufferPointer { outputGradient in
      winners.withUnsafeBufferPointer { winners in
        let rectifies = output != nil
        (output ?? []).withUnsafeBufferPointer { output in
          ComputeThreads.forEachShare(of: batch, workPerItem: inputsPerImage + outputsPerImage) { images in
            if let tiling {
              for n in images {
                writeTiledGradients(
                  of: n, geometry: tiling, outputGradient.baseAddress!, winners.baseAddress!,
                  rectifiedOutput: rectifies ? output.baseAddress! : nil,
                  into: inputGradient.baseAddress! + n * tiling.inputSize)
              }
              return
            }
            let ownInputs = (images.lowerBound * inputsPerImage)..<(images.upperBound * inputsPerImage)
            (inputGradient.baseAddress! + ownInputs.lowerBound).update(repeating: 0, count: ownInputs.count)
            func send(_ gradient: Float, from o: Int) {
              let winner = Int(winners[o])
              precondition(ownInputs.contains(winner), "maxPoolingBackward: a winner outside its image")
              inputGradient[winner] += gradient
            }
            let outputs = (images.lowerBound * outputsPerImage)..<(images.upperBound * outputsPerImage)
            var o = outputs.lowerBound
            if rectifies {
              // Sixteen at a time, zeroed with a vector select: whether a window's maximum is
              // positive is a coin toss that a branch per value would mispredict half the time.
              typealias Lanes = SIMD16<Float>
              while o &+ 16 <= outputs.upperBound {
                let pooled = UnsafeRawPointer(output.baseAddress! + o).loadUnaligned(as: Lanes.self)
                var gradients = UnsafeRawPointer(outputGradient.baseAddress! + o).loadUnaligned(as: Lanes.self)
                gradients.replace(with: 0, where: .!(pooled .> 0))
                for lane in 0..<16 { send(gradients[lane], from: o &+ lane) }
                o &+= 16
              }
            }
            for o in o..<outputs.upperBound { send(!rectifies || output[o] > 0 ? outputGradient[o] : 0, from: o) }
          }
        }
      }
    }
  }
  return inputGradient
}

extension WindowGeometry {
  /// Whether the windows tile the image from its top-left corner without overlapping or leaving
  /// it, on channels in sixteens: what `writeTiledGradients` handles.
  var isTiling: Bool {
    strideY == windowHeight && strideX == windowWidth && padTop == 0 && padLeft == 0
      && outputHeight * strideY <= inputHeight && outputWidth * strideX <= inputWidth && channels % 16 == 0
  }
}

/// Writes image `n`'s max-pooling input gradient `[H, W, C]` into `imageGradient`, for windows
/// that tile the image (`isTiling`): sixteen channels of a cell at a time, the window's gradient
/// where the cell won (plus zero, so that a −0 gradient is written +0, as the sum
/// `maxPoolingBackward` makes), else zero; zero on the rows and columns past the last window.
/// Every cell is written once: no clearing first. `outputGradient`, `winners` and `output` are the
/// whole batch's.
func writeTiledGradients(
  of n: Int, geometry g: WindowGeometry, _ outputGradient: UnsafePointer<Float>, _ winners: UnsafePointer<Int32>,
  rectifiedOutput output: UnsafePointer<Float>?, into imageGradient: UnsafeMutablePointer<Float>
) {
  typealias Lanes = SIMD16<Float>
  let lanes = SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
  let channels = g.channels
  let image = n &* g.inputSize
  let coveredRows = g.outputHeight &* g.strideY
  let coveredColumns = g.outputWidth &* g.strideX
  for oy in 0..<g.outputHeight {
    for ox in 0..<g.outputWidth {
      let out = ((n &* g.outputHeight &+ oy) &* g.outputWidth &+ ox) &* channels
      for start in stride(from: 0, to: channels, by: 16) {
        let o = out &+ start
        var gradients = UnsafeRawPointer(outputGradient + o).loadUnaligned(as: Lanes.self) + 0
        if let output {
          gradients.replace(with: 0, where: .!(UnsafeRawPointer(output + o).loadUnaligned(as: Lanes.self) .> 0))
        }
        let winner = UnsafeRawPointer(winners + o).loadUnaligned(as: SIMD16<Int32>.self)
        for dy in 0..<g.windowHeight {
          for dx in 0..<g.windowWidth {
            let cell = ((oy &* g.strideY &+ dy) &* g.inputWidth &+ ox &* g.strideX &+ dx) &* channels &+ start
            let won = winner .== (lanes &+ Int32(truncatingIfNeeded: image &+ cell))
            let values = Lanes(repeating: 0).replacing(with: gradients, where: won)
            UnsafeMutableRawPointer(imageGradient + cell).storeBytes(of: values, as: Lanes.self)
          }
        }
      }
    }
    // The columns past the last window, on this row of windows.
    if coveredColumns < g.inputWidth {
      for dy in 0..<g.windowHeight {
        let row = ((oy &* g.strideY &+ dy) &* g.inputWidth &+ coveredColumns) &* channels
        (imageGradient + row).update(repeating: 0, count: (g.inputWidth &- coveredColumns) &* channels)
      }
    }
  }
  // The rows past the last window.
  let below = coveredRows &* g.inputWidth &* channels
  (imageGradient + below).update(repeating: 0, count: (g.inputHeight &- coveredRows) &* g.inputWidth &* channels)
}

/// Returns average pooling of `[N, H, W, C]` → `[N, OH, OW, C]`.
func averagePoolingForward(input: [Float], batch: Int, geometry g: WindowGeometry) -> [Float] {
  let channels = g.channels
  var output = [Float](repeating: 0, count: batch * g.outputHeight * g.outputWidth * channels)
  for n in 0..<batch {
    for oy in 0..<g.outputHeight {
      for ox in 0..<g.outputWidth {
        let out = ((n * g.outputHeight + oy) * g.outputWidth + ox) * channels
        let (rows, columns) = cells(oy: oy, ox: ox, geometry: g)
        for iy in rows {
          for ix in columns {
            let cell = ((n * g.inputHeight + iy) * g.inputWidth + ix) * channels
            for c in 0..<channels { output[out + c] += input[cell + c] }
          }
        }
        let count = Float(rows.count * columns.count)
        for c in 0..<channels { output[out + c] /= count }
      }
    }
  }
  return output
}

/// Returns ∂loss/∂input of average pooling: each output gradient is shared equally by the real
/// cells of its window.
func averagePoolingBackward(outputGradient: [Float], batch: Int, geometry g: WindowGeometry) -> [Float] {
  let channels = g.channels
  var inputGradient = [Float](repeating: 0, count: batch * g.inputSize)
  for n in 0..<batch {
    for oy in 0..<g.outputHeight {
      for ox in 0..<g.outputWidth {
        let out = ((n * g.outputHeight + oy) * g.outputWidth + ox) * channels
        let (rows, columns) = cells(oy: oy, ox: ox, geometry: g)
        let count = Float(rows.count * columns.count)
        for iy in rows {
          for ix in columns {
            let cell = ((n * g.inputHeight + iy) * g.inputWidth + ix) * channels
            for c in 0..<channels { inputGradient[cell + c] += outputGradient[out + c] / count }
          }
        }
      }
    }
  }
  return inputGradient
}
