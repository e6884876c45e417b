import Testing
import ZlibCodecsTestSupport

@testable import ImageCodecs

@Suite struct BMPFuzzTests {
  /// Fixtures covering every decoding path: palette, RLE8, RLE4, bitfields, BGR, top-down, OS/2.
  static let seeds = [
    "pal1-magick.bmp", "pal8-rle8-magick.bmp", "pal4-rle4-edited.bmp", "argb4444-v3-edited.bmp",
    "rgb24-top-down-edited.bmp", "pal8-os2-magick.bmp",
  ]

  /// Flips bytes (mostly in the headers, where one byte changes the most) or cuts the file, 60
  /// times per fixture, and decodes each result: it must decode or throw, never trap or hang.
  @Test(.timeLimit(.minutes(1)), arguments: seeds)
  func mutatedFilesDecodeOrThrow(file: String) {
    var generator = SeededGenerator(state: 0xB4B4 &+ UInt64(file.utf8.count))
    let original = BMPFixtures.bytes(file)
    let limits = DecodingLimits(maximumPixelCount: 1_000_000)
    var outcomes: [String: Int] = [:]
    for _ in 0..<60 {
      var bytes = original
      if Bool.random(using: &generator) {
        bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
      }
      for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
        let inHeaders = Int.random(in: 0..<4, using: &generator) > 0
        let position = Int.random(in: 0..<(inHeaders ? min(bytes.count, 70) : bytes.count), using: &generator)
        bytes[position] = UInt8.random(in: 0...255, using: &generator)
      }
      do {
        let image = try BMPDecoder.decode(bytes, limits: limits)
        #expect(image.pixels.count == image.width * image.height * image.channels)
        outcomes["decoded", default: 0] += 1
      } catch {
        outcomes[PNGTestFiles.caseName(error), default: 0] += 1
      }
    }
    // Both outcomes occur, so the mutations reach past the header checks.
    #expect(outcomes["decoded", default: 0] > 0, "\(outcomes)")
    #expect(outcomes.count > 1, "\(outcomes)")
  }
}
