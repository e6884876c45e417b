import CNNTestSupport
import Foundation
import Testing

@testable import CNN

/// Reference layers are named in test results by their shape.
extension ReferenceConvolution: CustomTestStringConvertible {
  public var testDescription: String { description }
}

@Suite(.isolatedSession) struct ConvolutionAlgorithmTests {
  @Test(arguments: ReferenceConvolution.all)
  func winogradIsChosenForThreeByThreeLayersFromThirtyTwoChannelsToSixtyFourFilters(
    _ layer: ReferenceConvolution
  ) throws {
    let g = try #require(layer.geometry)
    let chosen = ConvolutionAlgorithm.choose(for: g, filters: layer.filters)
    #expect(chosen == (layer.channels >= 32 && layer.filters == 64 ? .winograd : .windowed))
  }

  @Test func otherWindowsAndStridesAreConvolvedWindowByWindow() throws {
    let strided = try #require(WindowGeometry(input: (32, 32, 32), window: (3, 3), strides: (2, 2), padding: .same))
    let wide = try #require(WindowGeometry(input: (32, 32, 32), window: (5, 5), strides: (1, 1), padding: .same))
    let flat = try #require(WindowGeometry(input: (32, 32, 32), window: (3, 1), strides: (1, 1), padding: .same))
    for g in [strided, wide, flat] {
      #expect(ConvolutionAlgorithm.choose(for: g, filters: 64) == .windowed)
    }
  }

  @Test func theBenchmarkTimesEveryLayerWithBothAlgorithmsAndMarksTheChosenOne() {
    let timings = KernelBenchmark.convolutions(batch: 2, rounds: 1)
    #expect(timings.count == 2 * ReferenceConvolution.all.count)
    for layer in ReferenceConvolution.all {
      let own = timings.filter { $0.layer.name == layer.name }
      #expect(own.map(\.algorithm) == ["windowed", "winograd"], "\(layer.name)")
      #expect(own.filter(\.isChosen).count == 1, "\(layer.name)")
      #expect(own.allSatisfy { $0.forwardMilliseconds > 0 && $0.backwardMilliseconds > 0 }, "\(layer.name)")
    }
  }
}
