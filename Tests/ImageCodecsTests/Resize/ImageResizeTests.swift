import Foundation
import Testing

@testable import ImageCodecs

@Suite struct ImageResizeTests {
  /// Bilinear outputs are compared within 1e-4: the same Float32 operations in the same order
  /// give TensorFlow's values exactly on x86-64 today, but a compiler may fuse a multiply and an
  /// add into one rounding, which moves the last bit. Nearest outputs copy samples, so they must
  /// be equal.
  static let tolerance: Float = 1e-4

  @Test(arguments: ResizeFixtures.manifest.resize)
  func matchesTensorFlowResize(_ testCase: ResizeFixtures.ResizeCase) throws {
    let image = ResizeFixtures.input(of: testCase)
    let interpolation = try #require(Interpolation(rawValue: testCase.interpolation))
    let output = image.resized(width: testCase.outputWidth, height: testCase.outputHeight, interpolation: interpolation)
    let expected = ResizeFixtures.floats(testCase.expected)
    #expect(output.width == testCase.outputWidth && output.height == testCase.outputHeight)
    #expect(output.channels == testCase.channels)
    try #require(output.values.count == expected.count)
    let (worst, index) = zip(output.values, expected).enumerated().map { (abs($1.0 - $1.1), $0) }.max { $0.0 < $1.0 }!
    let allowed = interpolation == .nearest ? 0 : Self.tolerance
    #expect(worst <= allowed, "worst at \(index): \(output.values[index]) vs TensorFlow's \(expected[index])")
  }

  /// Awkward sizes for comparing the table-driven path with the formula applied pixel by pixel.
  static let shapes: [(width: Int, height: Int, channels: Int, outputWidth: Int, outputHeight: Int)] = [
    (1, 1, 1, 1, 1), (1, 1, 4, 5, 3), (2, 3, 2, 7, 1), (31, 17, 3, 32, 32), (640, 427, 3, 32, 32),
    (100, 100, 1, 99, 101), (13, 7, 4, 26, 14), (64, 64, 3, 21, 43),
  ]

  @Test(arguments: shapes.indices, Interpolation.allCases)
  func tablePathMatchesTheReferenceFormula(index: Int, interpolation: Interpolation) {
    let shape = Self.shapes[index]
    let image = ResizeFixtures.hashImage(width: shape.width, height: shape.height, channels: shape.channels)
    let fast = image.resized(width: shape.outputWidth, height: shape.outputHeight, interpolation: interpolation)
    let reference = image.referenceResized(
      width: shape.outputWidth, height: shape.outputHeight, interpolation: interpolation)
    #expect(fast == reference)
  }

  @Test(arguments: Interpolation.allCases)
  func resizingToTheSameSizeKeepsEverySample(interpolation: Interpolation) {
    let image = ResizeFixtures.hashImage(width: 9, height: 4, channels: 3)
    #expect(image.resized(width: 9, height: 4, interpolation: interpolation).values == image.pixels.map { Float($0) })
  }

  @Test func halvingAveragesEachTwoByTwoBlock() {
    // 4×2 → 2×1: each output centre falls between four inputs with weights ½, so it is their mean.
    let image = Image(width: 4, height: 2, channels: 1, pixels: [0, 10, 20, 40, 100, 110, 120, 140])
    #expect(image.resized(width: 2, height: 1, interpolation: .bilinear).values == [55, 80])
    #expect(image.resized(width: 2, height: 1, interpolation: .nearest).values == [110, 140])
  }

  @Test func samplesFollowTensorFlowsHalfPixelFormula() {
    // 7 → 3: scale 7/3; centres at (i + 0.5)·7/3 − 0.5 = 0.667, 3, 5.333.
    let samples = ResizeSample.bilinear(inputCount: 7, outputCount: 3)
    #expect(samples.map(\.lower) == [0, 3, 5])
    #expect(samples.map(\.upper) == [1, 3, 6])
    #expect(abs(samples[0].weight - 2.0 / 3.0) < 1e-6 && samples[1].weight == 0)
    // Upsampling 2 → 5 clamps at both edges: the first centre is at −0.3, the last at 1.3.
    let edges = ResizeSample.bilinear(inputCount: 2, outputCount: 5)
    #expect(edges.first == ResizeSample(lower: 0, upper: 0, weight: edges.first!.weight))
    #expect(edges.last!.lower == 1 && edges.last!.upper == 1)
    // Nearest: ⌊(i + 0.5) · 7/3⌋ = 1, 3, 5.
    #expect(ResizeSample.nearest(inputCount: 7, outputCount: 3) == [1, 3, 5])
  }

  @Test func outputValuesStayWithinTheInputRange() {
    let image = ResizeFixtures.hashImage(width: 50, height: 40, channels: 2)
    let values = image.resized(width: 77, height: 13, interpolation: .bilinear).values
    #expect(values.allSatisfy { (0...255).contains($0) })
  }
}
