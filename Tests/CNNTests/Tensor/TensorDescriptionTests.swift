import CNNTestSupport
import Testing

@testable import CNN

/// The expected text of each value block is what NumPy 2.4 prints with `print(array)` for the same
/// float32 array (`python3 -c 'import numpy as np; print(np.array(…, dtype=np.float32))'`).
@Suite(.isolatedSession) struct TensorDescriptionTests {
  @Test func wholeNumbersPrintWithATrailingPoint() {
    #expect(Tensor([[1, 2, 3], [4, 5, 6]]).description == "Tensor(\n[[1. 2. 3.]\n [4. 5. 6.]], shape: [2, 3])")
  }

  @Test func decimalsAreAlignedWithSpaces() {
    #expect(Tensor([0.5, 1, 2.25]).description == "Tensor([0.5  1.   2.25], shape: [3])")
    #expect(Tensor([-1.5, 2, -0.25]).description == "Tensor([-1.5   2.   -0.25], shape: [3])")
    #expect(
      Tensor([[0.1, 0.7, 0.2], [0.05, 0.05, 0.9]]).description
        == "Tensor(\n[[0.1  0.7  0.2 ]\n [0.05 0.05 0.9 ]], shape: [2, 3])")
  }

  @Test func floatsKeepTheirShortestDigits() {
    #expect(Tensor([1.0 / 3, 2.0 / 3]).description == "Tensor([0.33333334 0.6666667 ], shape: [2])")
  }

  @Test func wideRangesUseScientificNotation() {
    #expect(Tensor([1e-5, 1, 250]).description == "Tensor([1.0e-05 1.0e+00 2.5e+02], shape: [3])")
  }

  @Test func notANumberAndInfinityAreAlignedLikeNumPy() {
    #expect(Tensor([1, .nan, -.infinity]).description == "Tensor([  1.  nan -inf], shape: [3])")
  }

  @Test func higherRanksSeparateBlocksWithBlankLines() {
    let t = Tensor(shape: [2, 2, 3], scalars: (0..<12).map(Float.init))
    let expected = """
      Tensor(
      [[[ 0.  1.  2.]
        [ 3.  4.  5.]]

       [[ 6.  7.  8.]
        [ 9. 10. 11.]]], shape: [2, 2, 3])
      """
    #expect(t.description == expected)
  }

  @Test func longRowsWrapAtSeventyFiveColumns() {
    let t = Tensor((0..<30).map { Float($0) / 7 })
    let expected = """
      Tensor(
      [0.         0.14285715 0.2857143  0.42857143 0.5714286  0.71428573
       0.85714287 1.         1.1428572  1.2857143  1.4285715  1.5714285
       1.7142857  1.8571428  2.         2.142857   2.2857144  2.4285715
       2.5714285  2.7142856  2.857143   3.         3.142857   3.2857144
       3.4285715  3.5714285  3.7142856  3.857143   4.         4.142857  ], shape: [30])
      """
    #expect(t.description == expected)
  }

  @Test func moreThanAThousandValuesAreElided() {
    let long = Tensor((0..<2000).map(Float.init))
    #expect(
      long.description == "Tensor([0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03], shape: [2000])")
    let grid = Tensor(shape: [40, 30], scalars: (0..<1200).map(Float.init))
    let expected = """
      Tensor(
      [[0.000e+00 1.000e+00 2.000e+00 ... 2.700e+01 2.800e+01 2.900e+01]
       [3.000e+01 3.100e+01 3.200e+01 ... 5.700e+01 5.800e+01 5.900e+01]
       [6.000e+01 6.100e+01 6.200e+01 ... 8.700e+01 8.800e+01 8.900e+01]
       ...
       [1.110e+03 1.111e+03 1.112e+03 ... 1.137e+03 1.138e+03 1.139e+03]
       [1.140e+03 1.141e+03 1.142e+03 ... 1.167e+03 1.168e+03 1.169e+03]
       [1.170e+03 1.171e+03 1.172e+03 ... 1.197e+03 1.198e+03 1.199e+03]], shape: [40, 30])
      """
    #expect(grid.description == expected)
  }
}
