import Foundation
import Testing

@testable import ImageCodecs

/// `jpegData(quality:)` through the module's decoder, and through Pillow (libjpeg), a decoder
/// this team did not write.
@Suite struct ImageJPEGTests {
  /// The peak signal-to-noise ratio of `image` against `reference` in dB: 10 log10(255² / mean
  /// squared error).
  static func psnr(_ image: Image, _ reference: Image) -> Double {
    precondition(image.pixels.count == reference.pixels.count)
    let squaredError = zip(image.pixels, reference.pixels).reduce(0.0) { sum, pair in
      let difference = Double(pair.0) - Double(pair.1)
      return sum + difference * difference
    }
    return 10 * log10(255 * 255 / (squaredError / Double(reference.pixels.count)))
  }

  /// Datasets/photos/chelsea.png, 451×300 RGB.
  static func chelsea() throws -> Image { try Image(contentsOf: JPEGEncoderTests.photos + "/chelsea.png") }

  /// Measured for chelsea (451×300): 32.31 dB at 30 (10,215 bytes), 34.55 dB at 60 (15,933),
  /// 39.04 dB at 90 (35,619); the bounds sit just under. Pillow 13 (libjpeg-turbo) at the same
  /// qualities gives 32.31, 34.56 and 39.07 dB in 10,141, 15,777 and 35,042 bytes.
  @Test func photoRoundTripKeepsSizeAndPSNRGrowsWithQualityAsTheFileDoes() throws {
    let chelsea = try Self.chelsea()
    var previous: (size: Int, psnr: Double)?
    for (quality, bound) in [(30, 32.0), (60, 34.3), (90, 38.8)] {
      let file = chelsea.jpegData(quality: quality)
      let decoded = try Image(decoding: file)
      try #require(decoded.width == 451 && decoded.height == 300 && decoded.channels == 3)
      let psnr = Self.psnr(decoded, chelsea)
      #expect(psnr > bound, "quality \(quality): \(psnr) dB, \(file.count) bytes")
      if let previous {
        #expect(file.count > previous.size && psnr > previous.psnr, "quality \(quality)")
      }
      previous = (file.count, psnr)
    }
  }

  @Test(arguments: [1, 3])
  func gradientRoundTripIsClose(channels: Int) throws {
    let image = JPEGEncoderTests.gradient(width: 123, height: 77, channels: channels)
    let decoded = try Image(decoding: image.jpegData(quality: 90))
    try #require(decoded.width == 123 && decoded.height == 77 && decoded.channels == channels)
    // Measured: 60.6 dB gray, 47.8 dB colour (whose chroma is halved both ways).
    #expect(Self.psnr(decoded, image) > (channels == 1 ? 58 : 46))
  }

  @Test func alphaIsDroppedAndGrayWithAlphaBecomesGray() throws {
    let rgba = JPEGEncoderTests.gradient(width: 40, height: 24, channels: 4)
    #expect(rgba.jpegData() == rgba.converted(toChannels: 3).jpegData())
    let grayAlpha = JPEGEncoderTests.gradient(width: 40, height: 24, channels: 2)
    #expect(grayAlpha.jpegData() == grayAlpha.converted(toChannels: 1).jpegData())
  }

  @Test func qualityIsClampedToOneThroughHundred() {
    let image = JPEGEncoderTests.gradient(width: 20, height: 20, channels: 3)
    #expect(image.jpegData(quality: 0) == image.jpegData(quality: 1))
    #expect(image.jpegData(quality: 500) == image.jpegData(quality: 100))
  }

  @Test(.enabled(if: Pillow.isAvailable, "\(Pillow.problem ?? "")"), arguments: [30, 90])
  func pillowDecodesOurFilesToTheSamePixelsAsOurDecoder(quality: Int) throws {
    for image in [try Self.chelsea(), JPEGEncoderTests.gradient(width: 17, height: 13, channels: 1)] {
      let file = image.jpegData(quality: quality)
      let ours = try Image(decoding: file)
      let theirs = try Pillow.decode(file)
      try #require(theirs.width == ours.width && theirs.height == ours.height && theirs.channels == ours.channels)
      // Measured: identical, since the decoder matches libjpeg's islow IDCT and fancy upsampling.
      let difference = SampleDifference(ours, theirs)
      #expect(difference.maximum == 0, "\(difference)")
    }
  }

  /// Every quantisation and Huffman table a file defines before its scan, keyed by DQT or
  /// DHT and the table's class and index byte, each as the bytes that define it.
  static func tables(_ file: [UInt8]) -> [String: [UInt8]] {
    var tables: [String: [UInt8]] = [:]
    for segment in JPEGEncoderTests.segments(file).segments {
      var data = segment.data[...]
      while let first = data.first {
        let length: Int
        switch segment.marker {
        case 0xDB: length = 65
        case 0xC4: length = 17 + data.dropFirst().prefix(16).reduce(0) { $0 + Int($1) }
        default: length = data.count
        }
        if segment.marker == 0xDB || segment.marker == 0xC4 {
          tables["\(JPEGMarker.hex(segment.marker)) \(JPEGMarker.hex(first))"] = Array(data.prefix(length))
        }
        data = data.dropFirst(length)
      }
    }
    return tables
  }

  @Test(.enabled(if: Pillow.isAvailable, "\(Pillow.problem ?? "")"), arguments: [10, 50, 90, 100])
  func pillowWritesTheSameTablesAtTheSameQuality(quality: Int) throws {
    let image = JPEGEncoderTests.gradient(width: 16, height: 16, channels: 3)
    let ours = Self.tables(image.jpegData(quality: quality))
    let theirs = Self.tables(try Pillow.encodeJPEG(image, quality: quality))
    #expect(ours.count == 6)
    #expect(ours == theirs)
  }
}
