import Testing

@testable import ImageCodecs

/// Splitting a PNG file into chunks.
@Suite struct PNGChunksTests {
  @Test func chunkTypesKnowWhetherTheyAreCritical() {
    #expect(PNGChunkType.header.isCritical)
    #expect(PNGChunkType.imageData.isCritical)
    #expect(!PNGChunkType.transparency.isCritical)
    #expect(!PNGChunkType("tEXt").isCritical)
    #expect(PNGChunkType("IDAT").description == "IDAT")
    #expect(PNGChunkType(rawValue: 0x4944_0001).description == "0x49440001")
  }

  @Test func readsChunksInOrderAndStopsAtTheEnd() throws {
    let file =
      PNGChunkReader.signature + PNGTestFiles.chunk("IHDR", Array(repeating: 1, count: 13))
      + PNGTestFiles.chunk("tEXt", Array("a\0b".utf8)) + PNGTestFiles.chunk("IEND", [])
    var reader = try PNGChunkReader(file)
    #expect(reader.peekType() == .header)
    let types = [try reader.next(), try reader.next(), try reader.next()].map { $0?.type.description }
    #expect(reader.peekType() == nil)
    #expect(types == ["IHDR", "tEXt", "IEND"])
    #expect(try reader.next() == nil)
  }

  @Test func chunkDataIsASliceOfTheFile() throws {
    let file = PNGChunkReader.signature + PNGTestFiles.chunk("abCd", [7, 8, 9])
    var reader = try PNGChunkReader(file)
    let chunk = try #require(try reader.next())
    #expect(Array(chunk.data) == [7, 8, 9])
    #expect(chunk.data.startIndex == 16)
    #expect(chunk.offset == 8)
  }

  @Test func typeThatIsNotFourLettersIsRefused() throws {
    var reader = try PNGChunkReader(PNGChunkReader.signature + PNGTestFiles.chunk("ID1T", []))
    let error = #expect(throws: ImageProblem.self) { try reader.next() }
    #expect(error.map(PNGTestFiles.detail)?.contains("0x49443154, which is not four letters") == true)
  }

  @Test func everyCutOfAChunkIsTruncated() throws {
    let file = PNGChunkReader.signature + PNGTestFiles.chunk("tEXt", Array("some text".utf8))
    for length in 9..<file.count {
      var reader = try PNGChunkReader(Array(file[..<length]))
      let error = #expect(throws: ImageProblem.self) { try reader.next() }
      #expect(error.map(PNGTestFiles.caseName) == "truncated", "cut at \(length)")
    }
  }
}
