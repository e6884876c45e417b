// Max and average pooling over NHWC batches. A window never mixes channels, so each output value
// is the max (or mean) of KH·KW input values of one channel. Cells of a window that fall in the
// `.same` padding are ignored: they never win a max, and an average divides by the number of real
// cells only (TensorFlow's rule, which Keras follows).

/// Returns max pooling of `[N, H, W, C]` → `[N, OH, OW, C]`, and for every output value the index
/// in `input` of the value that won (the first one, on ties), which the backward pass needs.
func maxPoolingForward(input: [Float], batch: Int, geometry g: WindowGeometry) -> (output: [Float], winners: [Int]) {
  let outputCount = batch * g.outputHeight * g.outputWidth * g.channels
  var output = [Float](repeating: 0, count: outputCount)
  var winners = [Int](repeating: 0, count: outputCount)
  var o = 0
  for n in 0..<batch {
    for oy in 0..<g.outputHeight {
      for ox in 0..<g.outputWidth {
        for c in 0..<g.channels {
          var best = -Float.infinity
          var winner = -1
          forEachCell(n: n, oy: oy, ox: ox, c: c, geometry: g) { index in
            if winner < 0 || input[index] > best {
              best = input[index]
              winner = index
            }
          }
          output[o] = best
          winners[o] = winner
          o += 1
        }
      }
    }
  }
  return (output, winners)
}

/// Returns ∂loss/∂input of max pooling: each output gradient goes to the input value that won.
func maxPoolingBackward(outputGradient: [Float], winners: [Int], inputCount: Int) -> [Float] {
  var inputGradient = [Float](repeating: 0, count: inputCount)
  for (o, winner) in winners.enumerated() {
    inputGradient[winner] += outputGradient[o]
  }
  return inputGradient
}

/// Returns average pooling of `[N, H, W, C]` → `[N, OH, OW, C]`.
func averagePoolingForward(input: [Float], batch: Int, geometry g: WindowGeometry) -> [Float] {
  var output = [Float](repeating: 0, count: batch * g.outputHeight * g.outputWidth * g.channels)
  var o = 0
  for n in 0..<batch {
    for oy in 0..<g.outputHeight {
      for ox in 0..<g.outputWidth {
        for c in 0..<g.channels {
          var sum: Float = 0
          var cells = 0
          forEachCell(n: n, oy: oy, ox: ox, c: c, geometry: g) { index in
            sum += input[index]
            cells += 1
          }
          output[o] = sum / Float(cells)
          o += 1
        }
      }
    }
  }
  return output
}

/// Returns ∂loss/∂input of average pooling: each output gradient is shared equally by the real
/// cells of its window.
func averagePoolingBackward(outputGradient: [Float], batch: Int, geometry g: WindowGeometry) -> [Float] {
  var inputGradient = [Float](repeating: 0, count: batch * g.inputSize)
  var o = 0
  for n in 0..<batch {
    for oy in 0..<g.outputHeight {
      for ox in 0..<g.outputWidth {
        for c in 0..<g.channels {
          var cells: [Int] = []
          forEachCell(n: n, oy: oy, ox: ox, c: c, geometry: g) { cells.append($0) }
          let share = outputGradient[o] / Float(cells.count)
          for index in cells { inputGradient[index] += share }
          o += 1
        }
      }
    }
  }
  return inputGradient
}

/// Calls `body` with the input index of every real (non-padding) cell of one window, row by row.
@inline(__always)
private func forEachCell(n: Int, oy: Int, ox: Int, c: Int, geometry g: WindowGeometry, _ body: (Int) -> Void) {
  let top = oy * g.strideY - g.padTop
  let left = ox * g.strideX - g.padLeft
  for iy in Swift.max(top, 0)..<Swift.min(top + g.windowHeight, g.inputHeight) {
    for ix in Swift.max(left, 0)..<Swift.min(left + g.windowWidth, g.inputWidth) {
      body(((n * g.inputHeight + iy) * g.inputWidth + ix) * g.channels + c)
    }
  }
}
