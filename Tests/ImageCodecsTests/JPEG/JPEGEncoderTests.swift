import Foundation
import Testing

@testable import ImageCodecs

/// The structure of the files `JPEGEncoder` writes, read with code independent of the decoder,
/// and what it does with awkward sizes and channel counts.
@Suite struct JPEGEncoderTests {
  /// One marker segment of a JPEG file up to its scan.
  struct Segment {
    /// The marker's second byte.
    let marker: UInt8
    /// The segment's data after its length.
    let data: [UInt8]
  }

  /// The segments of `file` from after SOI up to and including SOS, and the bytes after the
  /// SOS segment (the entropy-coded data and EOI).
  static func segments(_ file: [UInt8]) -> (segments: [Segment], rest: [UInt8]) {
    var segments: [Segment] = []
    var offset = 2
    while offset + 4 <= file.count, file[offset] == 0xFF {
      let length = Int(file[offset + 2]) << 8 | Int(file[offset + 3])
      segments.append(Segment(marker: file[offset + 1], data: Array(file[(offset + 4)..<(offset + 2 + length)])))
      offset += 2 + length
      if segments.last?.marker == 0xDA { break }
    }
    return (segments, Array(file[offset...]))
  }

  /// A smooth colour gradient with some detail, `width`×`height`, of `channels` channels.
  static func gradient(width: Int, height: Int, channels: Int) -> Image {
    var pixels: [UInt8] = []
    for y in 0..<height {
      for x in 0..<width {
        let values = [
          x * 255 / max(width - 1, 1), y * 255 / max(height - 1, 1), (x + y) * 255 / max(width + height - 2, 1), 200,
        ]
        pixels += values.prefix(channels).map { UInt8($0) }
      }
    }
    return Image(width: width, height: height, channels: channels, pixels: pixels)
  }

  @Test func colourFileHasJFIFTablesBaselineFrameAndScanInOrder() throws {
    let file = JPEGEncoder.encode(Self.gradient(width: 37, height: 21, channels: 3), quality: 75)
    #expect(Array(file.prefix(2)) == [0xFF, 0xD8])
    #expect(Array(file.suffix(2)) == [0xFF, 0xD9])
    let (segments, _) = Self.segments(file)
    #expect(segments.map(\.marker) == [0xE0, 0xDB, 0xC0, 0xC4, 0xDA])
    #expect(Array(segments[0].data.prefix(5)) == Array("JFIF".utf8) + [0])
    // DQT: two 8-bit tables of 64 steps, 0 and 1.
    #expect(segments[1].data.count == 2 * 65 && segments[1].data[0] == 0 && segments[1].data[65] == 1)
    // SOF0: 8 bits, 21 rows, 37 columns, Y 2×2 with table 0, Cb and Cr 1×1 with table 1.
    #expect(segments[2].data == [8, 0, 21, 0, 37, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])
    // DHT: four tables, DC 0, AC 0, DC 1, AC 1.
    #expect(segments[3].data.count == 2 * (17 + 12) + 2 * (17 + 162))
    // SOS: three components, Y with tables 0/0 and chroma with 1/1, spectrum 0…63.
    #expect(segments[4].data == [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0])
  }

  @Test func grayFileHasOneComponentOneTableOfEachKind() throws {
    let file = JPEGEncoder.encode(Self.gradient(width: 9, height: 7, channels: 1), quality: 90)
    let (segments, _) = Self.segments(file)
    #expect(segments.map(\.marker) == [0xE0, 0xDB, 0xC0, 0xC4, 0xDA])
    #expect(segments[1].data.count == 65)
    #expect(segments[2].data == [8, 0, 7, 0, 9, 1, 1, 0x11, 0])
    #expect(segments[3].data.count == (17 + 12) + (17 + 162))
    #expect(segments[4].data == [1, 1, 0x00, 0, 63, 0])
  }

  @Test func quantizationTablesAreStoredInZigzagOrder() {
    let file = JPEGEncoder.encode(Self.gradient(width: 8, height: 8, channels: 1), quality: 50)
    let table = Self.segments(file).segments[1].data.dropFirst()
    // Annex K's luminance table read in zigzag order starts 16, 11, 12, 14, 12, 10.
    #expect(Array(table.prefix(6)) == [16, 11, 12, 14, 12, 10])
  }

  @Test(arguments: [30, 90])
  func entropyCodedDataHasNoFFWithoutAStuffedZero(quality: Int) throws {
    let noise = Image(
      width: 64, height: 48, channels: 3, pixels: (0..<(64 * 48 * 3)).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }
    )
    let file = JPEGEncoder.encode(noise, quality: quality)
    let data = Self.segments(file).rest.dropLast(2)
    var sawFF = false
    for (index, byte) in zip(data.indices, data) where byte == 0xFF {
      sawFF = true
      #expect(data[index + 1] == 0x00, "FF at \(index) is followed by \(data[index + 1])")
    }
    #expect(sawFF, "noise at this quality should code some FF bytes")
  }

  @Test func sameImageAndQualityGiveTheSameBytes() {
    let image = Self.gradient(width: 50, height: 30, channels: 3)
    #expect(JPEGEncoder.encode(image, quality: 80) == JPEGEncoder.encode(image, quality: 80))
  }

  @Test(arguments: [(1, 1), (7, 9), (17, 13), (500, 375)], [1, 2, 3, 4])
  func oddSizesDecodeToTheirSize(size: (width: Int, height: Int), channels: Int) throws {
    let image = Self.gradient(width: size.width, height: size.height, channels: channels)
    let decoded = try Image(decoding: image.jpegData())
    #expect(decoded.width == size.width && decoded.height == size.height)
    #expect(decoded.channels == (channels >= 3 ? 3 : 1))
  }

  @Test func edgeBlocksRepeatTheLastColumnAndRow() {
    let image = Image(width: 3, height: 2, channels: 1, pixels: [10, 20, 30, 40, 50, 60])
    let luma = JPEGEncoder.planes(of: image)[0]
    #expect(luma.stride == 8 && luma.rowCount == 8)
    #expect(Array(luma.samples[0..<8]) == [10, 20, 30, 30, 30, 30, 30, 30])
    #expect(Array(luma.samples[56..<64]) == [40, 50, 60, 60, 60, 60, 60, 60])
  }

  @Test func colourPlanesAreYCbCrWithChromaHalvedBothWays() {
    let image = Image(
      width: 2, height: 2, channels: 4, pixels: [255, 0, 0, 9, 255, 0, 0, 9, 0, 0, 255, 9, 0, 0, 255, 9])
    let planes = JPEGEncoder.planes(of: image)
    #expect(planes.map(\.stride) == [16, 8, 8])
    // Red: Y 76, Cb 85, Cr 255; blue: Y 29, Cb 255, Cr 107 (JFIF's formulas, rounded).
    #expect(Array(planes[0].samples[0..<2]) == [76, 76] && Array(planes[0].samples[16..<18]) == [29, 29])
    // The 2×2 mean: Cb (85 + 85 + 255 + 255 + 1) / 4 = 170, Cr (255 + 255 + 107 + 107 + 1) / 4 = 181.
    #expect(planes[1].samples[0] == 170 && planes[2].samples[0] == 181)
  }

  @Test func encodingA500By375PhotoTakesWellUnder50Milliseconds() throws {
    let photo = try Image(contentsOf: Self.photos + "/chelsea.png")
    // Chelsea (451×300) stretched by repeating its edge to the size of a camera photo.
    let camera = Image(
      width: 500, height: 375, channels: 3,
      pixels: (0..<(500 * 375 * 3)).map { index in
        let (pixel, channel) = index.quotientAndRemainder(dividingBy: 3)
        let (y, x) = pixel.quotientAndRemainder(dividingBy: 500)
        return photo.pixels[(min(y, 299) * 451 + min(x, 450)) * 3 + channel]
      })
    var best = Duration.seconds(1000)
    for _ in 0..<5 {
      let clock = ContinuousClock()
      let start = clock.now
      _ = camera.jpegData(quality: 90)
      best = min(best, clock.now - start)
    }
    #expect(best < .milliseconds(50), "best of 5: \(best)")
  }

  /// `Datasets/photos`.
  static let photos = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Datasets/photos").path
}
