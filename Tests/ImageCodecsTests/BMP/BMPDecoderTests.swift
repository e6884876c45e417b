import Foundation
import Testing

@testable import ImageCodecs

@Suite struct BMPDecoderTests {
  // MARK: - Decoding, against Pillow and ImageMagick

  @Test(arguments: BMPFixtures.expected)
  func decodesToTheSamePixelsAsTheReference(_ fixture: BMPFixtures.Expected) throws {
    let image = try Image(contentsOf: BMPFixtures.path(fixture.file))
    let expected = BMPFixtures.bytes(fixture.file + ".expected")
    #expect(image.width == fixture.width && image.height == fixture.height && image.channels == fixture.channels)
    #expect(image.pixels.count == expected.count)
    #expect(image.pixels == expected, "reference: \(fixture.reference)")
  }

  @Test(arguments: BMPFixtures.expected)
  func infoReadsTheHeader(_ fixture: BMPFixtures.Expected) throws {
    let info = try Image.info(contentsOf: BMPFixtures.path(fixture.file))
    #expect(info.format == .bmp)
    #expect(info.width == fixture.width && info.height == fixture.height && info.channels == fixture.channels)
    #expect(info.bitDepth == fixture.bitsPerPixel)
  }

  @Test(arguments: [
    ("pal1-magick.bmp", "palette, bottom-up"),
    ("pal4-top-down-edited.bmp", "palette, top-down"),
    ("pal8-pillow.bmp", "palette, bottom-up"),
    ("pal8-rle8-magick.bmp", "palette, run-length compressed (RLE8), bottom-up"),
    ("pal4-rle4-edited.bmp", "palette, run-length compressed (RLE4), bottom-up"),
    ("rgb555-bi-rgb-edited.bmp", "5-5-5, bottom-up"),
    ("rgb565-top-down-edited.bmp", "5-6-5 bitfields, top-down"),
    ("argb4444-v3-edited.bmp", "4-4-4-4 bitfields, bottom-up"),
    ("rgb24-os2-magick.bmp", "BGR, bottom-up"),
    ("rgbx32-pillow.bmp", "BGRX, bottom-up"),
    ("rgba32-v4-edited.bmp", "8-8-8-8 bitfields, bottom-up"),
  ])
  func infoDetailsSayHowPixelsAreStored(file: String, details: String) throws {
    #expect(try BMPDecoder.info(BMPFixtures.bytes(file)).details == details)
  }

  // MARK: - Broken files

  /// Each broken fixture and the problem it must produce.
  static let brokenFiles: [(file: String, problem: ImageProblem)] = [
    ("invalid-truncated-header.bmp", .truncated("the file ends inside its 40-byte info header")),
    ("invalid-truncated-palette.bmp", .truncated("the file ends inside its palette of 200 colours")),
    (
      "invalid-truncated-pixels.bmp",
      .truncated(
        "stored row 7 of 9 (counting from the bottom) is missing: the pixel data has 664 of the 861 bytes it needs")
    ),
    (
      "invalid-truncated-rle8.bmp",
      .truncated("the run-length data stops in stored row 6 of 7, before its end-of-bitmap marker")
    ),
    ("invalid-zero-width.bmp", .invalidHeader("the image is 0×9 pixels")),
    ("invalid-bit-depth-7.bmp", .invalidHeader("it has 7 bits per pixel; BMP has 1, 4, 8, 16, 24 or 32")),
    ("invalid-huge-dimensions.bmp", .tooLarge(width: 1_000_000, height: 1_000_000, limit: 100_000_000)),
    ("invalid-offset-past-end.bmp", .truncated("the pixel data should start at byte 919, but the file has 918 bytes")),
    (
      "invalid-header-size-20.bmp",
      .invalidHeader("the info header says it is 20 bytes long; BMP headers are 12, 40, 52, 56, 108 or 124")
    ),
    ("invalid-jpeg-inside.bmp", .unsupportedFeature("a JPEG image inside a BMP file")),
    ("invalid-compression-9.bmp", .unsupportedFeature("BMP compression type 9")),
  ]

  @Test(arguments: brokenFiles.indices)
  func brokenFileIsRefusedWithItsProblem(index: Int) {
    let (file, problem) = Self.brokenFiles[index]
    let error = #expect(throws: ImageProblem.self) {
      try BMPDecoder.decode(BMPFixtures.bytes(file), limits: .standard)
    }
    #expect(error == problem, "\(file)")
  }

  @Test func errorsThroughImageNameTheFile() {
    let path = BMPFixtures.path("invalid-jpeg-inside.bmp")
    let error = #expect(throws: ImageDecodingError.self) { try Image(contentsOf: path) }
    #expect(
      error?.description
        == "\(path): uses a JPEG image inside a BMP file, which this program does not handle. "
        + "Convert the image to a plain 8-bit PNG.")
  }

  // MARK: - Limits

  @Test func sizeBeyondTheLimitsIsRefusedBeforeReadingPixels() {
    // A header promising 30000 × 30000 pixels with no pixel data at all.
    let bytes = BMPFixtures.file(width: 30000, height: 30000, bitsPerPixel: 24, pixelData: [])
    let error = #expect(throws: ImageProblem.self) {
      try BMPDecoder.decode(bytes, limits: DecodingLimits(maximumPixelCount: 1_000_000))
    }
    #expect(error == .tooLarge(width: 30000, height: 30000, limit: 1_000_000))
  }

  @Test func allowedSizeWithoutItsRowsIsRefusedBeforeAllocating() {
    // 9000 × 9000 is within the standard limits, but its 243 MB of rows are not in the file.
    let bytes = BMPFixtures.file(width: 9000, height: -9000, bitsPerPixel: 24, pixelData: [1, 2, 3])
    let error = #expect(throws: ImageProblem.self) { try BMPDecoder.decode(bytes, limits: .standard) }
    #expect(
      error
        == .truncated(
          "stored row 1 of 9000 (counting from the top) is missing: the pixel data has 3 of the 243000000 bytes it needs"
        ))
  }
}
