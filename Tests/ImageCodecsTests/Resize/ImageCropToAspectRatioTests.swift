import Testing

@testable import ImageCodecs

@Suite struct ImageCropToAspectRatioTests {
  /// Keras's formula, written out: (crop width, crop height, left, top).
  static func kerasCrop(width: Int, height: Int, targetWidth: Int, targetHeight: Int) -> (Int, Int, Int, Int) {
    let cropHeight = max(min(height, Int(Double(width * targetHeight) / Double(targetWidth))), 1)
    let cropWidth = max(min(width, Int(Double(height * targetWidth) / Double(targetHeight))), 1)
    return (cropWidth, cropHeight, Int(Double(width - cropWidth) / 2), Int(Double(height - cropHeight) / 2))
  }

  @Test(arguments: ResizeFixtures.manifest.smartResize)
  func cropThenResizeMatchesKerasSmartResize(_ testCase: ResizeFixtures.ResizeCase) throws {
    let interpolation = try #require(Interpolation(rawValue: testCase.interpolation))
    let output = ResizeFixtures.input(of: testCase)
      .croppedToAspectRatio(width: testCase.outputWidth, height: testCase.outputHeight)
      .resized(width: testCase.outputWidth, height: testCase.outputHeight, interpolation: interpolation)
    let expected = ResizeFixtures.floats(testCase.expected)
    try #require(output.values.count == expected.count)
    let worst = zip(output.values, expected).map { abs($0 - $1) }.max() ?? 0
    #expect(worst <= (interpolation == .nearest ? 0 : ImageResizeTests.tolerance))
  }

  @Test func landscapePhotoCroppedToASquareKeepsTheMiddle() {
    let image = ResizeFixtures.hashImage(width: 640, height: 427, channels: 3)
    let square = image.croppedToAspectRatio(width: 1, height: 1)
    #expect(square.width == 427 && square.height == 427)
    // Left edge at ⌊(640 − 427) / 2⌋ = 106.
    #expect(Array(square.pixels.prefix(3)) == Array(image.pixels[(106 * 3)..<(107 * 3)]))
  }

  @Test(arguments: [
    (640, 427, 32, 32), (427, 640, 16, 9), (7, 5, 4, 3), (7, 5, 1, 4), (5, 7, 100, 1), (3, 3, 2, 3), (1, 9, 9, 1),
  ])
  func cropFollowsKerasFormula(width: Int, height: Int, targetWidth: Int, targetHeight: Int) {
    let image = ResizeFixtures.hashImage(width: width, height: height, channels: 1)
    let (cropWidth, cropHeight, left, top) = Self.kerasCrop(
      width: width, height: height, targetWidth: targetWidth, targetHeight: targetHeight)
    let cropped = image.croppedToAspectRatio(width: targetWidth, height: targetHeight)
    #expect(cropped.width == cropWidth && cropped.height == cropHeight)
    #expect(cropped.pixels.first == image.pixels[top * width + left])
    #expect(cropped.pixels.last == image.pixels[(top + cropHeight - 1) * width + left + cropWidth - 1])
  }

  @Test func imageWithTheTargetRatioIsReturnedAsItIs() {
    let image = ResizeFixtures.hashImage(width: 64, height: 48, channels: 2)
    #expect(image.croppedToAspectRatio(width: 4, height: 3) == image)
  }
}
