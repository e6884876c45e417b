import Testing

@testable import ImageCodecs

/// Damaged and unsupported files give the intended `ImageProblem`, with a detail that says
/// what is wrong; oversized images are refused before anything of their size is allocated.
@Suite struct JPEGDecoderErrorTests {
  @Test(arguments: JPEGFixtures.broken)
  func brokenFileGivesTheIntendedProblem(_ fixture: JPEGFixtures.Broken) {
    let error = #expect(throws: ImageProblem.self) {
      _ = try JPEGDecoder.decode(JPEGFixtures.bytes(fixture.file), limits: .standard)
    }
    guard let error else { return }
    #expect(PNGTestFiles.caseName(error) == fixture.problem, "\(error)")
    #expect(PNGTestFiles.detail(error).contains(fixture.detail), "\(error)")
  }

  @Test func aDeclaredSizeBeyondTheLimitIsRefusedBeforeDecoding() {
    // 61×47 = 2867 pixels; the limit allows 2866.
    let error = #expect(throws: ImageProblem.self) {
      _ = try JPEGDecoder.decode(
        JPEGFixtures.bytes("baseline/cat_420.jpg"), limits: DecodingLimits(maximumPixelCount: 2866))
    }
    #expect(error == .tooLarge(width: 61, height: 47, limit: 2866))
  }

  @Test func aHugeDeclaredSizeIsRefusedQuickly() {
    // 65535×65535 would need 8 GB of coefficients; the limit check comes first.
    let start = ContinuousClock.now
    #expect(throws: ImageProblem.tooLarge(width: 65535, height: 65535, limit: 100_000_000)) {
      _ = try JPEGDecoder.decode(JPEGFixtures.bytes("broken/huge.jpg"), limits: .standard)
    }
    #expect(ContinuousClock.now - start < .seconds(1))
  }

  @Test func aSmallFileDeclaringABigImageIsRefusedBeforeAllocating() throws {
    // A 1.5 KB file whose frame header says 9000×9000 (81 megapixels, within the limit): it
    // cannot hold even one bit per block, so no 240 MB of coefficients are allocated for it.
    var bytes = JPEGFixtures.bytes("baseline/cat_420.jpg")
    let frame = try #require(bytes.indices.first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
    bytes.replaceSubrange((frame + 5)...(frame + 8), with: [0x23, 0x28, 0x23, 0x28])  // height, width: 9000
    #expect(try JPEGDecoder.info(bytes).width == 9000)
    let error = #expect(throws: ImageProblem.self) { _ = try JPEGDecoder.decode(bytes, limits: .standard) }
    #expect(PNGTestFiles.caseName(try #require(error)) == "truncated")
    // 4:2:0 in 16×16 MCUs: 1126² luma blocks and 563² of each chroma, at one bit each.
    #expect("\(try #require(error))".contains("a 9000×9000 image, which needs at least 237727 bytes"))
  }

  @Test func aFileCutAnywhereIsTruncatedOrDamagedButNeverDecoded() {
    // Every prefix of a progressive file with restarts: the decoder never returns an image made
    // of what is there; it says `truncated`, or `invalidHeader` when not even FF D8 is left.
    let bytes = JPEGFixtures.bytes("progressive/cat_444_restarts.jpg")
    var cases: [String: Int] = [:]
    for length in 0..<(bytes.count - 1) {
      do {
        _ = try JPEGDecoder.decode(Array(bytes[..<length]), limits: .standard)
        Issue.record("a file cut to \(length) of \(bytes.count) bytes decoded")
      } catch {
        cases[PNGTestFiles.caseName(error), default: 0] += 1
      }
    }
    #expect(Set(cases.keys).isSubset(of: ["truncated", "invalidHeader"]), "\(cases)")
    #expect((cases["truncated"] ?? 0) > bytes.count * 9 / 10, "\(cases)")
  }

  @Test func infoReportsUnsupportedCodingWithoutDecoding() {
    #expect(throws: ImageProblem.unsupportedFeature("arithmetic-coded JPEG (SOF9)")) {
      _ = try JPEGDecoder.info(JPEGFixtures.bytes("broken/arithmetic.jpg"))
    }
  }
}
