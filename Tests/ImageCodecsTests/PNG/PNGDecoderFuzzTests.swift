import Foundation
import Testing
import ZlibCodecsTestSupport

@testable import ImageCodecs
@testable import ZlibCodecs

/// A seeded mutation loop over valid PNGs: whatever the damage, decoding must return an image or
/// throw an `ImageProblem`, never trap (the module keeps bounds checks, so a stray index would
/// crash the test run) and never hang.
@Suite struct PNGDecoderFuzzTests {
  /// The files mutated: interlaced palette, 16-bit RGBA, sub-byte gray with tRNS, many IDATs.
  static let seeds = [
    "pngsuite/basi3p08.png", "pngsuite/basn6a16.png", "generated/trns_g02.png", "generated/split_idat_7.png",
    "libpng/filter4_rgb8.png",
  ]

  /// How many mutated files to decode; at about 110 µs each (debug test build, 2 cores) that takes about 1.7 s.
  static let iterations = 15_000

  @Test func mutatedFilesDecodeOrThrowButNeverTrapOrHang() {
    var generator = SeededGenerator(state: 0x504E_47)
    let originals = Self.seeds.map(PNGFixtures.bytes)
    var outcomes: [String: Int] = [:]
    for iteration in 0..<Self.iterations {
      var bytes = originals[iteration % originals.count]
      switch Int.random(in: 0..<4, using: &generator) {
      case 0:
        Self.mutateScanlines(&bytes, using: &generator)
      case 1:
        Self.mutate(&bytes, using: &generator)
        Self.fixChunkCRCs(&bytes)
      default:
        Self.mutate(&bytes, using: &generator)
      }

      let start = ContinuousClock.now
      let outcome: String
      do {
        let image = try PNGDecoder.decode(bytes, limits: DecodingLimits(maximumPixelCount: 1 << 20))
        outcome = image.pixels.count == image.width * image.height * image.channels ? "image" : "bad image"
      } catch {
        outcome = PNGTestFiles.caseName(error)
      }
      _ = try? PNGDecoder.info(bytes)
      let elapsed = ContinuousClock.now - start
      // A generous bound: a decode of these small files takes well under a millisecond.
      #expect(elapsed < .seconds(1), "iteration \(iteration) took \(elapsed)")
      outcomes[outcome, default: 0] += 1
    }
    #expect(outcomes["bad image"] == nil)
    // Fixing the CRCs lets damage reach the inflater; damaged scanlines reach the unfilter and
    // the sample expander.
    let deep = ["image", "corruptCompressedData", "invalidHeader"].reduce(0) { $0 + (outcomes[$1] ?? 0) }
    #expect(deep > Self.iterations / 10, "\(outcomes)")
  }

  /// Damages `bytes` in one of four ways: flipped bits, overwritten bytes, a cut, or a copy
  /// of one stretch of bytes over another.
  static func mutate(_ bytes: inout [UInt8], using generator: inout SeededGenerator) {
    let count = bytes.count
    switch Int.random(in: 0..<4, using: &generator) {
    case 0:
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        bytes[Int.random(in: 8..<count, using: &generator)] ^= 1 << UInt8.random(in: 0...7, using: &generator)
      }
    case 1:
      let start = Int.random(in: 8..<count, using: &generator)
      for index in start..<min(count, start + Int.random(in: 1...16, using: &generator)) {
        bytes[index] = UInt8.random(in: 0...255, using: &generator)
      }
    case 2:
      bytes.removeLast(Int.random(in: 1..<(count - 8), using: &generator))
    default:
      let length = Int.random(in: 1...32, using: &generator)
      let from = Int.random(in: 8..<(count - length), using: &generator)
      let to = Int.random(in: 8..<(count - length), using: &generator)
      bytes.replaceSubrange(to..<to + length, with: bytes[from..<from + length])
    }
  }

  /// Damages the decompressed scanlines themselves (filter type bytes, samples, palette
  /// indices), then stores them again as a valid zlib stream of stored blocks, with correct CRCs.
  static func mutateScanlines(_ bytes: inout [UInt8], using generator: inout SeededGenerator) {
    guard let datastream = try? PNGDatastream(parsing: bytes),
      var scanlines = try? Inflate.zlibDecompress(datastream.joinedImageData(), maximumOutputCount: 1 << 24)
    else { return }
    for _ in 0..<Int.random(in: 1...3, using: &generator) {
      scanlines[Int.random(in: 0..<scanlines.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
    }
    var zlib: [UInt8] = [0x78, 0x01]
    var start = 0
    repeat {
      let length = min(65_535, scanlines.count - start)
      let isLast: UInt8 = start + length == scanlines.count ? 1 : 0
      zlib += [isLast, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
      zlib += scanlines[start..<start + length]
      start += length
    } while start < scanlines.count
    zlib += PNGTestFiles.bigEndian(Adler32.checksum(scanlines))
    let header = Array(bytes[8..<33])  // IHDR is always first in the seeds
    let palette = datastream.palette.map { PNGTestFiles.chunk("PLTE", $0.rgb) } ?? []
    let transparency: [UInt8]
    switch datastream.transparency {
    case .gray(let value):
      transparency = PNGTestFiles.chunk("tRNS", Array(PNGTestFiles.bigEndian(UInt32(value)).suffix(2)))
    case .palette(let alphas): transparency = PNGTestFiles.chunk("tRNS", alphas)
    default: transparency = []
    }
    bytes =
      Array(bytes[..<8]) + header + palette + transparency + PNGTestFiles.chunk("IDAT", zlib)
      + PNGTestFiles.chunk("IEND", [])
  }

  /// Recomputes the CRC of every chunk whose length still fits in the file, so that damage to
  /// chunk data gets past the CRC check.
  static func fixChunkCRCs(_ bytes: inout [UInt8]) {
    var position = 8
    while position + 12 <= bytes.count {
      let length = Int(bytes[position..<position + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
      guard length <= bytes.count - position - 12 else { return }
      let crc = CRC32.checksum(bytes[(position + 4)..<(position + 8 + length)])
      bytes.replaceSubrange((position + 8 + length)..<(position + 12 + length), with: PNGTestFiles.bigEndian(crc))
      position += 12 + length
    }
  }
}
