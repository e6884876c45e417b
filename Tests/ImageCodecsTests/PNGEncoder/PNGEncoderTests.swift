import Foundation
import Testing
import ZlibCodecs
import ZlibCodecsTestSupport

@testable import ImageCodecs

/// The files `PNGEncoder` writes. Their structure is checked here byte by byte, and their image
/// data by undoing the compression (`BitByBitInflater`) and the filters (`unfiltered` below)
/// with code independent of the module's decoder; the round trips through `PNGDecoder` come last.
///
/// Checked offline as well: Pillow 13.0.0 opened the encoder's PNGs of 1 to 4 channels (smooth
/// 640×427, random 64×48, constant 640×427 and 7×5 images) and returned exactly the pixels
/// encoded, and Python's `zlib.decompress` returned the input of every zlib stream tried.
@Suite struct PNGEncoderTests {
  /// One chunk of a PNG file.
  struct Chunk {
    /// The four-letter type, such as `IHDR`.
    let type: String
    /// The chunk's data.
    let data: [UInt8]
    /// The CRC the file stores after the data.
    let storedCRC: UInt32
  }

  /// Splits a PNG file after its signature into chunks.
  static func chunks(_ file: [UInt8]) -> [Chunk] {
    var chunks: [Chunk] = []
    var offset = 8
    func integer(at index: Int) -> Int { file[index..<(index + 4)].reduce(0) { $0 << 8 | Int($1) } }
    while offset + 12 <= file.count {
      let length = integer(at: offset)
      let type = String(decoding: file[(offset + 4)..<(offset + 8)], as: UTF8.self)
      let data = Array(file[(offset + 8)..<(offset + 8 + length)])
      chunks.append(Chunk(type: type, data: data, storedCRC: UInt32(integer(at: offset + 8 + length))))
      offset += 12 + length
    }
    return chunks
  }

  /// Undoes the PNG row filters, the plain way (PNG specification, section 9).
  static func unfiltered(_ rows: [UInt8], width: Int, height: Int, channels: Int) -> [UInt8] {
    let rowLength = width * channels
    var pixels: [UInt8] = []
    for y in 0..<height {
      let filter = rows[y * (rowLength + 1)]
      for i in 0..<rowLength {
        let x = Int(rows[y * (rowLength + 1) + 1 + i])
        let a = i >= channels ? Int(pixels[y * rowLength + i - channels]) : 0
        let b = y > 0 ? Int(pixels[(y - 1) * rowLength + i]) : 0
        let c = i >= channels && y > 0 ? Int(pixels[(y - 1) * rowLength + i - channels]) : 0
        let p = a + b - c
        let paeth = abs(p - a) <= abs(p - b) && abs(p - a) <= abs(p - c) ? a : abs(p - b) <= abs(p - c) ? b : c
        let prediction = [0, a, b, (a + b) / 2, paeth][Int(filter)]
        pixels.append(UInt8((x + prediction) & 0xFF))
      }
    }
    return pixels
  }

  /// Images of every channel count and some awkward sizes.
  static let images: [Image] = (1...4).flatMap { channels in
    [
      Image(width: 1, height: 1, channels: channels, pixels: Array(repeating: 77, count: channels)),
      DeflateTestData.smoothImage(width: 7, height: 5, channels: channels),
      DeflateTestData.smoothImage(width: 131, height: 64, channels: channels),
      Image(width: 40, height: 30, channels: channels, pixels: DeflateTestData.randomBytes(count: 1200 * channels)),
    ]
  }

  @Test(arguments: images.indices)
  func fileHasSignatureHeaderDataAndEndWithCorrectCRCs(index: Int) throws {
    let image = Self.images[index]
    let file = PNGEncoder.encode(image)
    #expect(Array(file.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    let chunks = Self.chunks(file)
    #expect(chunks.map(\.type).first == "IHDR")
    #expect(chunks.map(\.type).last == "IEND")
    #expect(chunks.dropFirst().dropLast().allSatisfy { $0.type == "IDAT" })
    #expect(chunks.last?.data == [])
    for chunk in chunks {
      #expect(chunk.storedCRC == CRC32.checksum(Array(chunk.type.utf8) + chunk.data), "\(chunk.type)")
    }
    let colorTypes = [1: 0, 2: 4, 3: 2, 4: 6]
    let ihdr = chunks[0].data
    #expect(ihdr.count == 13)
    #expect(ihdr[0..<4].reduce(0) { $0 << 8 | Int($1) } == image.width)
    #expect(ihdr[4..<8].reduce(0) { $0 << 8 | Int($1) } == image.height)
    #expect(Array(ihdr[8...]) == [8, UInt8(colorTypes[image.channels]!), 0, 0, 0])
  }

  @Test(arguments: images.indices)
  func imageDataUnfiltersToThePixels(index: Int) throws {
    let image = Self.images[index]
    let chunks = Self.chunks(PNGEncoder.encode(image))
    let stream = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
    let rows = try BitByBitInflater.zlibDecompress(stream).data
    #expect(rows.count == (image.width * image.channels + 1) * image.height)
    let filters = (0..<image.height).map { rows[$0 * (image.width * image.channels + 1)] }
    #expect(filters.allSatisfy { $0 <= 4 })
    #expect(Self.unfiltered(rows, width: image.width, height: image.height, channels: image.channels) == image.pixels)
  }

  @Test func largeDataIsSplitIntoIDATChunksOf64KiB() {
    let image = Image(width: 300, height: 300, channels: 4, pixels: DeflateTestData.randomBytes(count: 360_000))
    let idats = Self.chunks(PNGEncoder.encode(image)).filter { $0.type == "IDAT" }
    #expect(idats.count == 6)
    #expect(idats.dropLast().allSatisfy { $0.data.count == 65_536 })
    #expect((1...65_536).contains(idats.last!.data.count))
  }

  @Test func eachFilterIsChosenWhereItPredictsBest() {
    // Row 0: a left-to-right ramp (Sub leaves 1s); row 1: the same (Up leaves 0s);
    // row 2: a ramp from the top-left neighbours (Paeth or Average); row 3: noise (None).
    let width = 64
    var pixels: [UInt8] = (0..<width).map { UInt8($0 * 3) }
    pixels += pixels
    pixels += (0..<width).map { UInt8(($0 * 3 + 3) & 0xFF) }
    pixels += DeflateTestData.randomBytes(count: width).map { $0 | 0x40 }
    let rows = PNGEncoder.filteredRows(Image(width: width, height: 4, channels: 1, pixels: pixels))
    let filters = (0..<4).map { rows[$0 * (width + 1)] }
    #expect(filters[0] == PNGFilterType.sub.rawValue)
    #expect(filters[1] == PNGFilterType.up.rawValue)
    #expect(filters[2] != PNGFilterType.none.rawValue)
    #expect(Self.unfiltered(rows, width: width, height: 4, channels: 1) == pixels)
  }

  @Test func constantImageShrinksToUnderOnePercent() {
    // zlib at level 6 makes 1742 bytes of these 820267 (0.2%), and so do we.
    let raw = PNGEncoder.filteredRows(
      Image(width: 640, height: 427, channels: 3, pixels: Array(repeating: 200, count: 640 * 427 * 3)))
    let compressed = Deflate.zlibStream(compressing: raw)
    #expect(compressed.count * 100 < raw.count, "\(compressed.count) bytes from \(raw.count)")
  }

  @Test func smoothImageShrinksToWellUnderHalf() {
    // Its two bits of noise per sample cannot be compressed, which leaves about 25% as a floor;
    // zlib at level 6 makes 38.8% of the filtered rows, and so do we.
    let image = DeflateTestData.smoothImage(width: 640, height: 427, channels: 3)
    let compressed = Deflate.zlibStream(compressing: PNGEncoder.filteredRows(image))
    #expect(compressed.count * 100 < image.pixels.count * 42, "\(compressed.count) bytes from \(image.pixels.count)")
  }

  @Test func paethPredictorPrefersLeftThenAboveOnTies() {
    #expect(PNGFilterType.paethPredictor(10, 20, 10) == 20)  // estimate 20: above is exact
    #expect(PNGFilterType.paethPredictor(20, 10, 10) == 20)  // estimate 20: left is exact
    #expect(PNGFilterType.paethPredictor(10, 10, 10) == 10)  // all tie: left
    #expect(PNGFilterType.paethPredictor(0, 255, 255) == 0)
    #expect(PNGFilterType.paethPredictor(100, 120, 110) == 110)  // estimate 110: above-left is exact
  }

  @Test func emptyImagesCannotBeEncoded() {
    let error = #expect(throws: ImageProblem.self) {
      try Image(width: 0, height: 3, channels: 3, pixels: []).encoded(as: .png)
    }
    #expect(error?.description.contains("0×3") == true)
  }

  // MARK: - Round trips through the module's decoder

  @Test(arguments: images.indices)
  func decoderReturnsThePixelsEncoded(index: Int) throws {
    let image = Self.images[index]
    let decoded = try Image(decoding: PNGEncoder.encode(image), path: "round-trip.png")
    #expect(decoded == image)
  }

  @Test(arguments: 1...4)
  func writtenFileReadsBackTheSame(channels: Int) throws {
    let image = DeflateTestData.smoothImage(width: 640, height: 427, channels: channels)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("png-encoder-\(channels)-\(UUID()).png")
      .path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try image.write(to: path)
    #expect(try Image(contentsOf: path) == image)
    let info = try Image.info(contentsOf: path)
    #expect(info.format == .png && info.channels == channels && info.bitDepth == 8)
  }
}
