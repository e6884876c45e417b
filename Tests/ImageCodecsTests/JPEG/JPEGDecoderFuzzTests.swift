import Testing
import ZlibCodecsTestSupport

@testable import ImageCodecs

/// A seeded mutation loop over valid JPEGs: whatever the damage, decoding must return an
/// image of the declared size or throw an `ImageProblem`, never trap (the module keeps bounds
/// checks, so a stray index would crash the test run) and never hang.
@Suite struct JPEGDecoderFuzzTests {
  /// Baseline with restarts, progressive with every kind of scan, 4:1:1, YCCK, Pillow's
  /// progressive 4:4:4 and progressive gray.
  static let seeds = [
    "baseline/cat_restart_2blocks.jpg", "progressive/cat_scans.jpg", "progressive/cat_444_restarts.jpg",
    "baseline/cat_411.jpg", "cmyk/cup_ycck.jpg", "pillow/cup_progressive_444.jpg", "progressive/face_gray.jpg",
  ]

  /// How many mutated files to decode (each at a random scale): about 0.5 s in a debug test
  /// build on 2 cores. Of 4000, a run gave 1251 images, 1106 truncated, 851 corrupt data, 779
  /// invalid headers and 13 unsupported features.
  static let iterations = 12_000

  @Test func mutatedFilesDecodeOrThrowButNeverTrapOrHang() {
    var generator = SeededGenerator(state: 0x4A50_4547)
    let originals = Self.seeds.map(JPEGFixtures.bytes)
    var outcomes: [String: Int] = [:]
    for iteration in 0..<Self.iterations {
      var bytes = originals[iteration % originals.count]
      PNGDecoderFuzzTests.mutate(&bytes, using: &generator)
      let scale = [1, 2, 4, 8][Int.random(in: 0..<4, using: &generator)]
      let start = ContinuousClock.now
      let outcome: String
      do {
        let image = try JPEGDecoder.decode(bytes, limits: DecodingLimits(maximumPixelCount: 1 << 20), scale: scale)
        outcome = image.pixels.count == image.width * image.height * image.channels ? "image" : "bad image"
      } catch {
        outcome = PNGTestFiles.caseName(error)
      }
      _ = try? JPEGDecoder.info(bytes)
      _ = JPEGEXIF.orientation(in: bytes)
      // A generous bound: these small files decode in well under a millisecond.
      #expect(ContinuousClock.now - start < .seconds(1), "iteration \(iteration)")
      outcomes[outcome, default: 0] += 1
    }
    #expect(outcomes["bad image"] == nil)
    // Damage must reach the entropy decoder, not just the headers.
    #expect((outcomes["image"] ?? 0) > Self.iterations / 10, "\(outcomes)")
    #expect((outcomes["corruptCompressedData"] ?? 0) > 0, "\(outcomes)")
  }
}
