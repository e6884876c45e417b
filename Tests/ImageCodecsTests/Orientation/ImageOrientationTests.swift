import Foundation
import Testing

@testable import ImageCodecs

/// `Image.applying(_:)` against ImageMagick's own turns of a real photo crop (see
/// `Fixtures/orientation/README.md`).
struct ImageOrientationTests {
  /// The `Fixtures/orientation` folder.
  static let folder = FixtureFolder("orientation")

  static func image(_ name: String) throws -> Image {
    try Image(contentsOf: folder.path(name))
  }

  @Test(arguments: ExifOrientation.allCases.filter { $0 != .upright })
  func eachOrientationTurnsThePictureAsImageMagickDoes(_ orientation: ExifOrientation) throws {
    let stored = try Self.image("stored.png")
    let expected = try Self.image("upright-\(orientation.rawValue).png")
    let turned = stored.applying(orientation)
    #expect(turned == expected)
    #expect((turned.width, turned.height) == (orientation.swapsWidthAndHeight ? (5, 9) : (9, 5)))
  }

  @Test func uprightLeavesThePictureAlone() throws {
    let stored = try Self.image("stored.png")
    #expect(stored.applying(.upright) == stored)
  }

  @Test func turningFourTimesAQuarterComesBackToTheStart() throws {
    let stored = try Self.image("stored.png")
    var turned = stored
    for _ in 0..<4 { turned = turned.applying(.rotate90Clockwise) }
    #expect(turned == stored)
    #expect(stored.applying(.rotate90Clockwise).applying(.rotate90CounterClockwise) == stored)
  }

  @Test func everyTurnKeepsGrayAndAlphaChannelsTogether() {
    // A 2×1 gray+alpha picture: the pairs must move as units.
    let image = Image(width: 2, height: 1, channels: 2, pixels: [10, 11, 20, 21])
    #expect(image.applying(.flipHorizontally).pixels == [20, 21, 10, 11])
    #expect(image.applying(.rotate90Clockwise).pixels == [10, 11, 20, 21])
    #expect(image.applying(.rotate90Clockwise).width == 1)
  }
}
