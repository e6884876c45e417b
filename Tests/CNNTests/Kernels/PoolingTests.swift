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
    let gradient = maxPoolingBackward(outputGradient: [1, 2, 3, 4], winners: winners, inputCount: 16)
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
