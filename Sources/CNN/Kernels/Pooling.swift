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
/// backward pass needs.
func maxPoolingForward(input: [Float], batch: Int, geometry g: WindowGeometry) -> (output: [Float], winners: [Int]) {
  let channels = g.channels
  let outputCount = batch * g.outputHeight * g.outputWidth * channels
  // Every window holds at least one real cell, whose value is written first: no fill needed.
  var output = uninitializedFloats(outputCount)
  var winners = [Int](unsafeUninitializedCapacity: outputCount) { _, initialized in initialized = outputCount }
  guard outputCount > 0 else { return (output, winners) }
  input.withUnsafeBufferPointer { input in
    output.withUnsafeMutableBufferPointer { output in
      winners.withUnsafeMutableBufferPointer { winners in
        for n in 0..<batch {
          for oy in 0..<g.outputHeight {
            for ox in 0..<g.outputWidth {
              let out = ((n &* g.outputHeight &+ oy) &* g.outputWidth &+ ox) &* channels
              let best = output.baseAddress! + out
              let winner = winners.baseAddress! + out
              let (rows, columns) = cells(oy: oy, ox: ox, geometry: g)
              var isFirst = true
              for iy in rows {
                for ix in columns {
                  let cell = ((n &* g.inputHeight &+ iy) &* g.inputWidth &+ ix) &* channels
                  let values = input.baseAddress! + cell
                  if channels % 16 == 0 {
                    maxOfSixteens(values, cell: cell, channels: channels, isFirst: isFirst, into: best, winner)
                    isFirst = false
                  } else if isFirst {
                    for c in 0..<channels {
                      best[c] = values[c]
                      winner[c] = cell &+ c
                    }
                    isFirst = false
                  } else {
                    for c in 0..<channels where values[c] > best[c] {
                      best[c] = values[c]
                      winner[c] = cell &+ c
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

/// One window cell's step of max pooling, sixteen channels at a time: where a value beats the
/// best so far (or is the window's first), it becomes the best and its index the winner. The
/// same rule as the scalar loop, in vector registers.
@inline(__always)
private func maxOfSixteens(
  _ values: UnsafePointer<Float>, cell: Int, channels: Int, isFirst: Bool, into best: UnsafeMutablePointer<Float>,
  _ winner: UnsafeMutablePointer<Int>
) {
  let lanes = SIMD16<Int>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
  for start in stride(from: 0, to: channels, by: 16) {
    let value = UnsafeRawPointer(values + start).loadUnaligned(as: SIMD16<Float>.self)
    let indices = lanes &+ (cell &+ start)
    if isFirst {
      UnsafeMutableRawPointer(best + start).storeBytes(of: value, as: SIMD16<Float>.self)
      UnsafeMutableRawPointer(winner + start).storeBytes(of: indices, as: SIMD16<Int>.self)
      continue
    }
    var current = UnsafeRawPointer(best + start).loadUnaligned(as: SIMD16<Float>.self)
    var currentWinners = UnsafeRawPointer(winner + start).loadUnaligned(as: SIMD16<Int>.self)
    let beats = value .> current
    current.replace(with: value, where: beats)
    // The mask's lanes are all ones or all zeros (SIMDMask stores them so); widened to 64 bits,
    // they select the new indices bit by bit.
    let select = SIMD16<Int>(truncatingIfNeeded: unsafeBitCast(beats, to: SIMD16<Int32>.self))
    currentWinners = (indices & select) | (currentWinners & ~select)
    UnsafeMutableRawPointer(best + start).storeBytes(of: current, as: SIMD16<Float>.self)
    UnsafeMutableRawPointer(winner + start).storeBytes(of: currentWinners, as: SIMD16<Int>.self)
  }
}

/// Returns ∂loss/∂input of max pooling: each output gradient goes to the input value that won.
func maxPoolingBackward(outputGradient: [Float], winners: [Int], inputCount: Int) -> [Float] {
  var inputGradient = [Float](repeating: 0, count: inputCount)
  inputGradient.withUnsafeMutableBufferPointer { inputGradient in
    outputGradient.withUnsafeBufferPointer { outputGradient in
      winners.withUnsafeBufferPointer { winners in
        for o in 0..<winners.count {
          let winner = winners[o]
          precondition(winner >= 0 && winner < inputCount, "maxPoolingBackward: a winner outside the input")
          inputGradient[winner] += outputGradient[o]
        }
      }
    }
  }
  return inputGradient
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
