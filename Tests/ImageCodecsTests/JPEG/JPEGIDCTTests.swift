import Testing
import ZlibCodecsTestSupport

@testable import ImageCodecs

/// The fast integer IDCT against the textbook formula, and the reduced IDCTs' basic facts.
@Suite struct JPEGIDCTTests {
  /// Runs the fast IDCT on `coefficients` (natural order, already dequantised: steps of 1).
  static func fastTransform(_ coefficients: [Int16], blockSize: Int = 8) -> [UInt8] {
    var output = [UInt8](repeating: 0, count: blockSize * blockSize)
    var workspace = [Int32](repeating: 0, count: 64)
    let steps = [Int32](repeating: 1, count: 64)
    coefficients.withUnsafeBufferPointer { block in
      output.withUnsafeMutableBufferPointer { out in
        if blockSize == 8 {
          JPEGIDCT.transform(
            block.baseAddress!, steps: steps, workspace: &workspace, into: out.baseAddress!, stride: 8)
        } else {
          JPEGIDCT.transformReduced(
            block.baseAddress!, steps: steps, size: blockSize, workspace: &workspace, into: out.baseAddress!,
            stride: blockSize)
        }
      }
    }
    return output
  }

  /// Random blocks like real ones: large low frequencies, small or zero high ones.
  static func randomBlock(using generator: inout SeededGenerator) -> [Int16] {
    (0..<64).map { index in
      let frequency = index / 8 + index % 8
      let range = frequency == 0 ? 1000 : max(4, 400 / frequency)
      return Int.random(in: 0..<3, using: &generator) == 0
        ? 0 : Int16(Int.random(in: -range...range, using: &generator))
    }
  }

  @Test func fastIDCTStaysWithinOneLevelOfTheTextbookFormula() {
    var generator = SeededGenerator(state: 0x1DC7)
    var largest = 0
    var differing = 0
    let blocks = 2000
    for _ in 0..<blocks {
      let block = Self.randomBlock(using: &generator)
      let fast = Self.fastTransform(block)
      let exact = JPEGIDCT.referenceTransform(block.map(Int32.init))
      for (a, b) in zip(fast, exact) where a != b {
        largest = max(largest, abs(Int(a) - Int(b)))
        differing += 1
      }
    }
    // islow rounds twice in fixed point, so it is sometimes one level off
    // (measured on these blocks: max 1, 1.83% of samples).
    #expect(largest <= 1)
    #expect(Double(differing) / Double(blocks * 64) < 0.02, "\(differing) samples differ")
  }

  /// The unrolled 4×4 reduced IDCT gives every sample of the general one, on random blocks with
  /// real quantisation steps, and on blocks far out of range (whose sums wrap the same way).
  @Test func theUnrolledHalfSizeIDCTIsTheGeneralOne() {
    var generator = SeededGenerator(state: 0x4A4A)
    let steps = (0..<64).map { Int32(1 + ($0 * 7) % 60) }
    var workspace = [Int32](repeating: 0, count: 64)
    for trial in 0..<2_000 {
      var block = Self.randomBlock(using: &generator)
      if trial % 100 == 0 { block = block.map { $0 &* 64 } }
      var (general, unrolled) = ([UInt8](repeating: 0, count: 16), [UInt8](repeating: 1, count: 16))
      block.withUnsafeBufferPointer { block in
        JPEGIDCT.transformReduced(
          block.baseAddress!, steps: steps, size: 4, workspace: &workspace, into: &general, stride: 4)
        JPEGIDCT.transformReduced4(block.baseAddress!, steps: steps, workspace: &workspace, into: &unrolled, stride: 4)
      }
      #expect(unrolled == general, "block \(trial)")
      if unrolled != general { return }
    }
  }

  @Test func aDCOnlyBlockIsFlatAtTheMeanPlus128() {
    var block = [Int16](repeating: 0, count: 64)
    block[0] = -80  // mean −10
    #expect(Self.fastTransform(block) == [UInt8](repeating: 118, count: 64))
    #expect(Self.fastTransform(block, blockSize: 4) == [UInt8](repeating: 118, count: 16))
    #expect(Self.fastTransform(block, blockSize: 1) == [118])
  }

  @Test func valuesFarOutOfRangeClampLikeLibjpegsRangeLimitTable() {
    #expect(JPEGIDCT.clamp(-128) == 0)
    #expect(JPEGIDCT.clamp(127) == 255)
    #expect(JPEGIDCT.clamp(300) == 255)
    #expect(JPEGIDCT.clamp(-300) == 0)
    // Beyond ±512 libjpeg's table wraps (1024 − 1000 + 128 → 152).
    #expect(JPEGIDCT.clamp(1000) == 104)
  }

  @Test func reducedIDCTMatchesTheBlockMeansOfASmoothGradient() {
    // A horizontal cosine of the lowest frequency: the 4×4 output should follow the mean of
    // each pair of columns of the full 8×8 output to within 2 levels.
    var block = [Int16](repeating: 0, count: 64)
    block[0] = 100
    block[1] = 200
    let full = Self.fastTransform(block)
    let reduced = Self.fastTransform(block, blockSize: 4)
    for x in 0..<4 {
      let mean = (Int(full[2 * x]) + Int(full[2 * x + 1])) / 2
      #expect(abs(Int(reduced[x]) - mean) <= 2, "column \(x)")
    }
  }
}
