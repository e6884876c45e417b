import Foundation

@testable import ImageCodecs

/// Finds and reads the JPEG fixtures in `Tests/ImageCodecsTests/Fixtures/jpeg/`, which
/// `make_fixtures.py` there wrote (see the README beside it).
enum JPEGFixtures {
  /// One valid fixture: a JPEG whose reference pixels `djpeg -pnm` wrote beside it.
  struct Valid: Decodable, CustomStringConvertible, Sendable {
    /// The path under `Fixtures/jpeg/`, such as `baseline/cat_420.jpg`.
    let file: String
    /// The scales N with a `djpeg -scale 1/N` reference, `NAME.scaleN.pnm`.
    let scales: [Int]
    /// How the file was made.
    let note: String

    /// The file name, so that test results list each case by it.
    var description: String { file }
  }

  /// One damaged or unsupported fixture and the problem it must give.
  struct Broken: Decodable, CustomStringConvertible, Sendable {
    /// The path under `Fixtures/jpeg/`.
    let file: String
    /// The `ImageProblem` case's name, such as `truncated`.
    let problem: String
    /// Words the problem's detail must contain.
    let detail: String

    /// The file name.
    var description: String { file }
  }

  /// The `Fixtures/jpeg` folder.
  static let folder = FixtureFolder("jpeg")

  /// Every valid fixture listed in `expected.json`.
  static let valid = folder.decoded([Valid].self, from: "expected.json")

  /// Every broken fixture listed in `broken.json`.
  static let broken = folder.decoded([Broken].self, from: "broken.json")

  /// Valid fixtures paired with each scale they have a reference for.
  static let scaled: [ScaledCase] = valid.flatMap { fixture in
    fixture.scales.map { ScaledCase(fixture: fixture, scale: $0) }
  }

  /// A valid fixture at one reduced scale.
  struct ScaledCase: CustomStringConvertible, Sendable {
    /// The fixture.
    let fixture: Valid
    /// The N of 1/N.
    let scale: Int

    /// `file@1/N`.
    var description: String { "\(fixture.file)@1/\(scale)" }
  }

  /// The bytes of a fixture, `name` relative to `Fixtures/jpeg`.
  static func bytes(_ name: String) -> [UInt8] { folder.bytes(name) }

  /// djpeg's pixels for `fixture` at 1/`scale` (`NAME.pnm` or `NAME.scaleN.pnm`).
  static func reference(_ fixture: Valid, scale: Int = 1) throws -> Image {
    let name = String(fixture.file.dropLast(4)) + (scale == 1 ? ".pnm" : ".scale\(scale).pnm")
    return try PNMCodec.decode(bytes(name), limits: .standard)
  }
}

/// How far one image's samples are from another's.
struct SampleDifference: CustomStringConvertible {
  /// The largest absolute difference of two samples.
  let maximum: Int
  /// The fraction of samples that differ at all.
  let differingFraction: Double

  /// Compares two images of the same size and channels.
  init(_ image: Image, _ reference: Image) {
    precondition(image.pixels.count == reference.pixels.count)
    var maximum = 0
    var differing = 0
    for (a, b) in zip(image.pixels, reference.pixels) where a != b {
      maximum = max(maximum, abs(Int(a) - Int(b)))
      differing += 1
    }
    self.maximum = maximum
    differingFraction = reference.pixels.isEmpty ? 0 : Double(differing) / Double(reference.pixels.count)
  }

  /// `max N, P% differ`.
  var description: String {
    "max \(maximum), \((differingFraction * 10000).rounded() / 100)% differ"
  }
}
