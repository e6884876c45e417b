import Testing

@testable import ImageCodecs

/// The separable fixed-point forward DCT against the textbook formula, and against the
/// decoder's inverse DCT.
@Suite struct JPEGForwardDCTTests {
  /// Blocks of level-shifted samples: flat extremes, a ramp, a checkerboard (the highest
  /// frequency) and pseudo-random noise.
  static let blocks: [[Int32]] = {
    var state: UInt32 = 12345
    let noise = (0..<64).map { _ -> Int32 in
      state = state &* 1_103_515_245 &+ 12345
      return Int32(state >> 16 & 255) - 128
    }
    return [
      [Int32](repeating: -128, count: 64), [Int32](repeating: 127, count: 64),
      (0..<64).map { Int32($0 * 4 - 128) }, (0..<64).map { ($0 / 8 + $0 % 8) % 2 == 0 ? 127 : -128 }, noise,
    ]
  }()

  @Test(arguments: blocks.indices)
  func fastTransformIsTheFormulaRoundedToNearest(index: Int) {
    var block = Self.blocks[index]
    var workspace = [Int](repeating: 0, count: 64)
    JPEGForwardDCT.transform(&block, workspace: &workspace)
    let reference = JPEGForwardDCT.referenceTransform(Self.blocks[index])
    for k in 0..<64 {
      // The rounded basis costs at most a few hundredths; only a value within that of a half
      // may round the other way.
      #expect(abs(Double(block[k]) - reference[k]) <= 0.5 + 0.05, "coefficient \(k): \(block[k]) vs \(reference[k])")
    }
  }

  @Test func flatBlockHasOnlyADCTermOfEightTimesItsLevel() {
    var block = [Int32](repeating: 100, count: 64)
    var workspace = [Int](repeating: 0, count: 64)
    JPEGForwardDCT.transform(&block, workspace: &workspace)
    #expect(block[0] == 800)
    #expect(block.dropFirst().allSatisfy { $0 == 0 })
  }

  @Test(arguments: blocks.indices)
  func decoderInverseTransformGivesTheSamplesBack(index: Int) {
    var block = Self.blocks[index]
    var workspace = [Int](repeating: 0, count: 64)
    JPEGForwardDCT.transform(&block, workspace: &workspace)
    let samples = JPEGIDCT.referenceTransform(block)
    for k in 0..<64 {
      // Rounding each coefficient moves a sample by at most 64 · 0.5 / 8 = 4 levels in theory;
      // in practice by 1.
      #expect(abs(Int(samples[k]) - Int(Self.blocks[index][k] + 128)) <= 1, "sample \(k)")
    }
  }
}
