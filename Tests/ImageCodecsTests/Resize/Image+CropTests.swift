import Testing
import ZlibCodecsTestSupport

@testable import ImageCodecs

@Suite struct ImageCropTests {
  /// A 4×3 gray image whose pixel in row y, column x is 10y + x.
  let grid = Image(
    width: 4, height: 3, channels: 1, pixels: (0..<3).flatMap { y in (0..<4).map { UInt8(10 * y + $0) } })

  @Test func aCropKeepsTheRectangleAndIsClampedToTheImage() {
    #expect(
      grid.cropped(x: 1, y: 1, width: 2, height: 2)
        == Image(width: 2, height: 2, channels: 1, pixels: [11, 12, 21, 22]))
    #expect(grid.cropped(x: 3, y: 2, width: 5, height: 5) == Image(width: 1, height: 1, channels: 1, pixels: [23]))
    #expect(grid.cropped(x: 9, y: 0, width: 2, height: 2).pixels.isEmpty)
  }

  @Test func aFlipMirrorsEachRowAndKeepsEachPixelsChannelsTogether() {
    #expect(grid.flippedHorizontally().pixels == [3, 2, 1, 0, 13, 12, 11, 10, 23, 22, 21, 20])
    let colour = Image(width: 2, height: 1, channels: 3, pixels: [1, 2, 3, 4, 5, 6])
    #expect(colour.flippedHorizontally().pixels == [4, 5, 6, 1, 2, 3])
    #expect(colour.flippedHorizontally().flippedHorizontally() == colour)
  }

  @Test func floatSamplesRoundToTheNearestByteWithinTheRange() {
    let samples = FloatImage(width: 5, height: 1, channels: 1, values: [-3, 0.4, 0.5, 254.6, 300])
    #expect(samples.roundedToBytes.pixels == [0, 0, 1, 255, 255])
  }

  /// Every sample rounds as `rounded()` does, halves away from zero: each half-way value from 0.5
  /// to 254.5 and its two neighbours, random values, and values out of range (NaN and infinities
  /// included, NaN to 0).
  @Test func manySamplesRoundAsRoundedDoes() {
    var values: [Float] = [-.infinity, -1, -0.5, -0.0, 0, .nan, 255.49, 255.5, 256, .infinity]
    for whole in 0..<255 {
      let half = Float(whole) + 0.5
      values += [half.nextDown, half, half.nextUp]
    }
    var generator = SeededGenerator(state: 0x0B17E5)
    values += (0..<1_001).map { _ in Float.random(in: -10...265, using: &generator) }
    let image = FloatImage(width: values.count, height: 1, channels: 1, values: values)
    let expected = values.map { $0.isNaN ? 0 : UInt8(Swift.min(255, Swift.max(0, $0.rounded()))) }
    #expect(image.roundedToBytes.pixels == expected)
  }
}
