import Testing

@testable import ImageCodecs

@Suite struct ChannelConversionTests {
  @Test(arguments: ResizeFixtures.manifest.channels)
  func matchesTensorFlowDecodePng(_ testCase: ResizeFixtures.ChannelCase) throws {
    let native = Image(
      width: testCase.width, height: testCase.height, channels: testCase.nativeChannels,
      pixels: ResizeFixtures.bytes(testCase.native))
    for (key, file) in testCase.outputs.sorted(by: { $0.key < $1.key }) {
      let channels = try #require(Int(key))
      let expected = ResizeFixtures.bytes(file)
      let converted = native.converted(toChannels: channels)
      #expect(converted.channels == channels)
      try #require(converted.pixels.count == expected.count)
      let sourceIsColor = testCase.nativeChannels >= 3
      if channels < 3 && sourceIsColor {
        guard let tolerance = testCase.grayTolerance else { continue }
        let worst = zip(converted.pixels, expected).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst <= tolerance, "\(testCase.png) to \(channels) channels")
      } else {
        #expect(converted.pixels == expected, "\(testCase.png) to \(channels) channels")
      }
    }
  }

  @Test(arguments: ResizeFixtures.manifest.channels)
  func moduleDecoderAgreesWithTensorFlowOnTheFilesOwnChannels(_ testCase: ResizeFixtures.ChannelCase) throws {
    let image = try Image(decoding: ResizeFixtures.bytes(testCase.png), path: testCase.png)
    #expect(image.channels == testCase.nativeChannels)
    #expect(image.pixels == ResizeFixtures.bytes(testCase.native))
  }

  // Two channels: `tf.io.decode_png` refuses `channels=2`, so these follow the rules libpng
  // applies for TensorFlow's other counts (gray as for 1 channel; alpha kept or added as 255).

  @Test func colorWithAlphaToGrayWithAlphaKeepsTheAlpha() {
    let rgba = Image(width: 2, height: 1, channels: 4, pixels: [255, 0, 0, 7, 10, 200, 30, 255])
    // (9797·255) >> 15 = 76; (9797·10 + 19234·200 + 3737·30) >> 15 = 123.
    #expect(rgba.converted(toChannels: 2).pixels == [76, 7, 123, 255])
  }

  @Test func grayToGrayWithAlphaAddsOpaqueAlpha() {
    let gray = Image(width: 3, height: 1, channels: 1, pixels: [0, 128, 255])
    #expect(gray.converted(toChannels: 2).pixels == [0, 255, 128, 255, 255, 255])
    #expect(gray.converted(toChannels: 4).pixels == [0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255])
  }

  @Test func alphaIsDroppedWithoutCompositing() {
    // A fully transparent red pixel stays red: TensorFlow strips alpha, it does not blend.
    let rgba = Image(width: 1, height: 1, channels: 4, pixels: [255, 0, 0, 0])
    #expect(rgba.converted(toChannels: 3).pixels == [255, 0, 0])
    let grayAlpha = Image(width: 1, height: 1, channels: 2, pixels: [90, 0])
    #expect(grayAlpha.converted(toChannels: 1).pixels == [90])
    #expect(grayAlpha.converted(toChannels: 3).pixels == [90, 90, 90])
  }

  @Test func grayPixelsOfColorImagesKeepTheirValue() {
    // The weights sum to 32768, so R = G = B = v gives exactly v.
    let pixels = (0...255).flatMap { [UInt8($0), UInt8($0), UInt8($0)] }
    let rgb = Image(width: 256, height: 1, channels: 3, pixels: pixels)
    #expect(rgb.converted(toChannels: 1).pixels == (0...255).map { UInt8($0) })
  }

  @Test(arguments: 1...4)
  func convertingToTheSameCountChangesNothing(channels: Int) {
    let image = ResizeFixtures.hashImage(width: 5, height: 3, channels: channels)
    #expect(image.converted(toChannels: channels) == image)
  }
}
