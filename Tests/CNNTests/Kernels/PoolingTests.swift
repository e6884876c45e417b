import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct PoolingTests {
  /// A 4×4 single-channel image:
  ///  1  2  3  4
  ///  5  6  7  8
  ///  9 10 11 12
  /// 13 14 15 16
  let image = (1...16).map(Float.init)

  @Test func maxPoolingKeepsTheLargestValueOfEachWindow() throws {
    let g = try #require(WindowGeometry(input: (4, 4, 1), window: (2, 2), strides: (2, 2), padding: .valid))
    let result = maxPoolingForward(input: image, batch: 1, geometry: g)
    #expect(result.output == [6, 8, 14, 16])
    #expect(result.winners == [5, 7, 13, 15])
  }

  @Test func maxPoolingSendsTheGradientToTheWinner() throws {
    let g = try #require(WindowGeometry(input: (4, 4, 1), window: (2, 2), strides: (2, 2), padding: .valid))
    let winners = maxPoolingForward(input: image, batch: 1, geometry: g).winners
    let gradient = maxPoolingBackward(outputGradient: [1, 2, 3, 4], winners: winners, inputCount: 16, batch: 1)
    #expect(gradient == [0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4])
  }

  @Test func averagePoolingWithSamePaddingIgnoresThePadding() throws {
    // 3×3 image 1…9, window 2×2, stride 2, same: output 2×2; the right and bottom windows hang over
    // the border and average only the real cells (TensorFlow's rule).
    let g = try #require(WindowGeometry(input: (3, 3, 1), window: (2, 2), strides: (2, 2), padding: .same))
    let output = averagePoolingForward(input: (1...9).map(Float.init), batch: 1, geometry: g)
    let expected: [Float] = [12.0 / 4, 9.0 / 2, 15.0 / 2, 9]
    #expect(output == expected)
  }

  @Test func averagePoolingSharesTheGradientEqually() throws {
    let g = try #require(WindowGeometry(input: (3, 3, 1), window: (2, 2), strides: (2, 2), padding: .same))
    let gradient = averagePoolingBackward(outputGradient: [4, 2, 2, 1], batch: 1, geometry: g)
    #expect(gradient == [1, 1, 1, 1, 1, 1, 1, 1, 1])
  }

  @Test func channelsArePooledSeparately() throws {
    // 2×2 image, 2 channels: channel 0 holds 1…4, channel 1 holds 40…10.
    let g = try #require(WindowGeometry(input: (2, 2, 2), window: (2, 2), strides: (2, 2), padding: .valid))
    let output = maxPoolingForward(input: [1, 40, 2, 30, 3, 20, 4, 10], batch: 1, geometry: g).output
    #expect(output == [4, 40])
  }
}

/// Max pooling against its definition, written out in the test, on channel counts that take the
/// vector path (multiples of 16) and the scalar one, with many ties.
@Suite(.isolatedSession) struct MaxPoolingDefinitionTests {
  /// For each output value: the largest value of its window and the index of the first cell (in
  /// row-major order) holding it.
  static func definition(_ input: [Float], batch: Int, _ g: WindowGeometry) -> (output: [Float], winners: [Int32]) {
    var output: [Float] = []
    var winners: [Int32] = []
    for n in 0..<batch {
      for oy in 0..<g.outputHeight {
        for ox in 0..<g.outputWidth {
          for c in 0..<g.channels {
            var best: (value: Float, index: Int)?
            for ky in 0..<g.windowHeight {
              for kx in 0..<g.windowWidth {
                let iy = oy * g.strideY + ky - g.padTop
                let ix = ox * g.strideX + kx - g.padLeft
                guard iy >= 0, iy < g.inputHeight, ix >= 0, ix < g.inputWidth else { continue }
                let index = ((n * g.inputHeight + iy) * g.inputWidth + ix) * g.channels + c
                if best == nil || input[index] > best!.value { best = (input[index], index) }
              }
            }
            output.append(best!.value)
            winners.append(Int32(best!.index))
          }
        }
      }
    }
    return (output, winners)
  }

  @Test(arguments: [3, 16, 32, 48])
  func fastMaxPoolingIsTheDefinition(channels: Int) throws {
    for (window, strides, padding) in [
      ((2, 2), (2, 2), Padding.valid), ((3, 3), (2, 1), .same), ((2, 3), (1, 2), .same),
    ] {
      let g = try #require(WindowGeometry(input: (7, 9, channels), window: window, strides: strides, padding: padding))
      // Values 0…3 only: most windows hold ties, which the first cell must win.
      let input = Tensor(randomUniform: [2 * 7 * 9 * channels], in: 0...4, seed: 5).scalars.map { $0.rounded(.down) }
      let fast = maxPoolingForward(input: input, batch: 2, geometry: g)
      let expected = Self.definition(input, batch: 2, g)
      #expect(fast.output == expected.output, "\(window) \(strides) \(padding)")
      #expect(fast.winners == expected.winners, "\(window) \(strides) \(padding)")
    }
  }

  /// Windows that tile the image are written cell by cell in one pass: the same bits as sending
  /// each gradient to its winner, with and without ReLU's derivative, with rows and columns past
  /// the last window, −0 gradients and ties (values 0…3).
  @Test(arguments: [
    (7, 9, 16, 2, 2), (6, 6, 32, 2, 2), (9, 8, 16, 3, 3), (5, 7, 16, 2, 3), (30, 30, 16, 2, 2),
  ])
  func tiledWindowsGetTheGradientsOfTheirWinners(_ shape: (Int, Int, Int, Int, Int)) throws {
    let (height, width, channels, windowHeight, windowWidth) = shape
    let g = try #require(
      WindowGeometry(
        input: (height, width, channels), window: (windowHeight, windowWidth),
        strides: (windowHeight, windowWidth), padding: .valid))
    #expect(g.isTiling)
    let input = Tensor(randomUniform: [3 * g.inputSize], in: -2...2, seed: 9).scalars.map { $0.rounded(.down) }
    let forward = maxPoolingForward(input: input, batch: 3, geometry: g)
    var outputGradient = Tensor(randomUniform: [forward.output.count], in: -1...1, seed: 10).scalars
    outputGradient[0] = -0.0
    for rectified in [nil, forward.output] {
      let scattered = maxPoolingBackward(
        outputGradient: outputGradient, winners: forward.winners, inputCount: input.count, batch: 3,
        rectifiedOutput: rectified)
      let tiled = maxPoolingBackward(
        outputGradient: outputGradient, winners: forward.winners, inputCount: input.count, batch: 3, geometry: g,
        rectifiedOutput: rectified, reusing: [Float](repeating: .nan, count: input.count))
      #expect(tiled.map(\.bitPattern) == scattered.map(\.bitPattern), "rectified: \(rectified != nil)")
    }
  }

  /// The lesson model's pooling on 33 images: enough work to be shared out over the threads.
  @Test func aBatchSharedOverTheThreadsIsPooledAndDifferentiatedAsTheDefinitionSays() throws {
    let g = try #require(WindowGeometry(input: (30, 30, 16), window: (2, 2), strides: (2, 2), padding: .valid))
    let input = Tensor(randomUniform: [33 * g.inputSize], in: 0...4, seed: 6).scalars.map { $0.rounded(.down) }
    let fast = maxPoolingForward(input: input, batch: 33, geometry: g)
    let expected = Self.definition(input, batch: 33, g)
    #expect(fast.output == expected.output)
    #expect(fast.winners == expected.winners)
    let outputGradient = Tensor(randomUniform: [fast.output.count], in: -1...1, seed: 8).scalars
    var expectedGradient = [Float](repeating: 0, count: input.count)
    for (o, winner) in expected.winners.enumerated() { expectedGradient[Int(winner)] += outputGradient[o] }
    let gradient = maxPoolingBackward(
      outputGradient: outputGradient, winners: fast.winners, inputCount: input.count, batch: 33)
    #expect(gradient == expectedGradient)
  }
}
