import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct TensorTests {
  @Test func nestedArraysGiveRowMajorValuesAndShape() {
    let t = Tensor([[1, 2, 3], [4, 5, 6]])
    #expect(t.shape == [2, 3])
    #expect(t.scalars == [1, 2, 3, 4, 5, 6])
    #expect(Tensor([[[1, 2]], [[3, 4]]]).shape == [2, 1, 2])
    #expect(Tensor([[[[1]]], [[[2]]]]).shape == [2, 1, 1, 1])
  }

  @Test func zerosOnesAndFilledHaveTheRequestedShape() {
    #expect(Tensor(zeros: [2, 3]).scalars == Array(repeating: 0, count: 6))
    #expect(Tensor(ones: [4]).scalars == [1, 1, 1, 1])
    #expect(Tensor(repeating: 0.5, shape: [1, 2]).scalars == [0.5, 0.5])
  }

  @Test func concatenatingJoinsAlongTheFirstAxis() {
    let joined = Tensor(concatenating: [
      Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), Tensor(shape: [1, 2], scalars: [5, 6]),
    ])
    #expect(joined.shape == [3, 2])
    #expect(joined.scalars == [1, 2, 3, 4, 5, 6])
    #expect(Tensor(concatenating: []).shape == [0])
  }

  @Test func stackingAddsAFirstAxis() {
    let image = Tensor([[1, 2], [3, 4]])
    let batch = Tensor(stacking: [image, image * 2])
    #expect(batch.shape == [2, 2, 2])
    #expect(batch[1] == image * 2)
  }

  @Test func seededRandomTensorsRepeatAndStayInRange() {
    let a = Tensor(randomUniform: [100], in: -2...3, seed: 9)
    let b = Tensor(randomUniform: [100], in: -2...3, seed: 9)
    let c = Tensor(randomUniform: [100], in: -2...3, seed: 10)
    #expect(a == b)
    #expect(a != c)
    #expect(a.min() >= -2 && a.max() < 3)
  }

  @Test func randomNormalHasTheRequestedMeanAndSpread() {
    let t = Tensor(randomNormal: [20_000], mean: 3, standardDeviation: 2, seed: 1)
    let mean = t.mean()
    let variance = (t - mean).map { $0 * $0 }.mean()
    #expect(Swift.abs(mean - 3) < 0.05)
    #expect(Swift.abs(variance.squareRoot() - 2) < 0.05)
  }

  @Test func theGlobalSeedMakesRandomTensorsRepeat() {
    setRandomSeed(123)
    let first = Tensor(randomUniform: [5])
    setRandomSeed(123)
    let second = Tensor(randomUniform: [5])
    #expect(first == second)
  }

  @Test func indexingTheFirstAxisGivesOneItem() {
    var batch = Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])
    #expect(batch[1] == Tensor([3, 4]))
    batch[2] = Tensor([9, 9])
    #expect(batch.scalars == [1, 2, 3, 4, 9, 9])
  }

  @Test func aRangeSlicesABatch() {
    let batch = Tensor(shape: [4, 2], scalars: (0..<8).map(Float.init))
    #expect(batch[1..<3] == Tensor([[2, 3], [4, 5]]))
    #expect(batch[0..<0].shape == [0, 2])
  }

  @Test func aFullIndexReadsAndWritesOneValue() {
    var images = Tensor(zeros: [2, 3, 4, 3])
    images[1, 2, 3, 0] = 7
    #expect(images[1, 2, 3, 0] == 7)
    #expect(images.scalars[((1 * 3 + 2) * 4 + 3) * 3 + 0] == 7)
    #expect(images.sum() == 7)
  }

  @Test func gatheringPicksItemsInTheGivenOrder() {
    let batch = Tensor(shape: [3, 1], scalars: [10, 20, 30])
    #expect(batch.gathering([2, 0, 2]).scalars == [30, 10, 30])
  }

  @Test func reshapeKeepsValuesAndInfersOneSize() {
    let t = Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Float.init))
    #expect(t.reshaped(to: [6, -1]).shape == [6, 4])
    #expect(t.reshaped(to: [-1]).scalars == t.scalars)
    var m = t
    m.reshape(to: [4, 6])
    #expect(m.shape == [4, 6])
  }

  @Test func expandingADimensionInsertsASizeOfOne() {
    let image = Tensor(zeros: [32, 32, 3])
    #expect(image.expandingDimension(at: 0).shape == [1, 32, 32, 3])
    #expect(image.expandingDimension(at: -1).shape == [32, 32, 3, 1])
    #expect(image.expandingDimension(at: 2).shape == [32, 32, 1, 3])
  }
}
