import Foundation
import Testing

@testable import ImageCodecs

/// Photos tagged with each EXIF orientation, decoded with and without honouring the tag, against
/// what ImageMagick shows (see `Fixtures/orientation/README.md`). ImageMagick decodes with
/// libjpeg, whose pixels the JPEG decoder matches exactly at full size.
struct ExifOrientationLoadingTests {
  static func path(_ name: String) -> String {
    ImageOrientationTests.folder.path(name)
  }

  /// The largest difference between two pictures' samples, or nil when their shapes differ.
  static func largestDifference(_ first: Image, _ second: Image) -> Int? {
    guard (first.width, first.height, first.channels) == (second.width, second.height, second.channels) else {
      return nil
    }
    return zip(first.pixels, second.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
  }

  @Test(arguments: ExifOrientation.allCases)
  func honouringTheTagShowsWhatImageMagickShows(_ orientation: ExifOrientation) throws {
    let value = orientation.rawValue
    let upright = try Image(contentsOf: Self.path("tagged-\(value).jpg"), usesExifOrientation: true)
    let expected = try Image(contentsOf: Self.path("tagged-\(value)-upright.png"))
    let difference = try #require(Self.largestDifference(upright, expected))
    #expect(difference == 0)
  }

  @Test(arguments: ExifOrientation.allCases)
  func theTagIsReadAndIgnoredByDefault(_ orientation: ExifOrientation) throws {
    let path = Self.path("tagged-\(orientation.rawValue).jpg")
    #expect(try Image.info(contentsOf: path).orientation == orientation)
    let stored = try Image(contentsOf: path)
    let asTagOne = try Image(contentsOf: Self.path("tagged-1-upright.png"))
    #expect((stored.width, stored.height) == (16, 10))
    #expect(try #require(Self.largestDifference(stored, asTagOne)) == 0)
  }

  @Test func aPNGHasNoOrientation() throws {
    #expect(try Image.info(contentsOf: Self.path("stored.png")).orientation == nil)
    let png = try Image(contentsOf: Self.path("stored.png"), usesExifOrientation: true)
    #expect((png.width, png.height) == (9, 5))
  }
}
