import Testing

@testable import ImageCodecs

/// Adam7 pass geometry, and where each pass's scanlines sit in the decompressed data.
@Suite struct Adam7Tests {
  @Test func passesMatchTheSpecification() {
    let table = InterlacePass.adam7.map { [$0.startRow, $0.startColumn, $0.rowStep, $0.columnStep] }
    #expect(table.map { $0[0] } == [0, 0, 4, 0, 2, 0, 1])
    #expect(table.map { $0[1] } == [0, 4, 0, 2, 0, 1, 0])
    #expect(table.map { $0[2] } == [8, 8, 8, 4, 4, 2, 2])
    #expect(table.map { $0[3] } == [8, 8, 4, 4, 2, 2, 1])
  }

  @Test func passSizesOfAnEightByEightBlock() {
    let sizes = InterlacePass.adam7.map { ($0.width(inImageOfWidth: 8), $0.height(inImageOfHeight: 8)) }
    #expect(sizes.map(\.0) == [1, 1, 2, 2, 4, 4, 8])
    #expect(sizes.map(\.1) == [1, 1, 1, 2, 2, 4, 4])
  }

  @Test func everyPixelBelongsToExactlyOnePass() {
    for width in 1...17 {
      for height in 1...17 {
        var seen = [Int](repeating: 0, count: width * height)
        for pass in InterlacePass.adam7 {
          for row in 0..<pass.height(inImageOfHeight: height) {
            for column in 0..<pass.width(inImageOfWidth: width) {
              seen[(pass.startRow + row * pass.rowStep) * width + pass.startColumn + column * pass.columnStep] += 1
            }
          }
        }
        #expect(seen.allSatisfy { $0 == 1 }, "\(width)×\(height)")
      }
    }
  }

  @Test func emptyPassesTakeNoBytes() throws {
    // A 1×1 image has only pass 1; a 2×1 one passes 1 and 6.
    let one = try #require(
      PNGScanlineLayout(PNGHeader(width: 1, height: 1, bitDepth: 8, colorType: .rgb, isInterlaced: true)))
    #expect(one.passes.count == 1)
    #expect(one.byteCount == 1 + 3)
    let two = try #require(
      PNGScanlineLayout(PNGHeader(width: 2, height: 1, bitDepth: 8, colorType: .rgb, isInterlaced: true)))
    #expect(two.passes.map(\.geometry) == [InterlacePass.adam7[0], InterlacePass.adam7[5]])
    #expect(two.passes.map(\.start) == [0, 4])
  }

  @Test func layoutOfAPlainImageIsRowsOfTypeByteAndPackedPixels() throws {
    // 13 pixels of 1 bit: 2 bytes per row, plus the filter type byte.
    let layout = try #require(
      PNGScanlineLayout(PNGHeader(width: 13, height: 11, bitDepth: 1, colorType: .gray, isInterlaced: false)))
    #expect(layout.passes.count == 1)
    #expect(layout.passes[0].bytesPerRow == 2)
    #expect(layout.byteCount == 11 * 3)
  }

  @Test func layoutOfAPngSuiteInterlacedImage() throws {
    // basi0g01: 32×32, 1 bit. Pass widths 4 4 8 8 16 16 32 → bytes 1 1 1 1 2 2 4;
    // heights 4 4 4 8 8 16 16. Total: Σ height × (1 + bytes).
    let layout = try #require(
      PNGScanlineLayout(PNGHeader(width: 32, height: 32, bitDepth: 1, colorType: .gray, isInterlaced: true)))
    #expect(layout.byteCount == 4 * 2 + 4 * 2 + 4 * 2 + 8 * 2 + 8 * 3 + 16 * 3 + 16 * 5)
  }
}
