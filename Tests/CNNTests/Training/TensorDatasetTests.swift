import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct TensorDatasetTests {
  let images = Tensor(shape: [10, 1], scalars: (0..<10).map(Float.init))
  let labels = Tensor(labels: Array(0..<10))

  func order(_ dataset: TensorDataset) -> [Int] {
    dataset.flatMap { $0.images.classIndices }
  }

  @Test func batchesCoverEveryItemWithAShortLastBatch() throws {
    let dataset = try TensorDataset(images: images, labels: labels, batchSize: 4)
    #expect(dataset.batchCount == 3)
    #expect(dataset.map { $0.images.shape[0] } == [4, 4, 2])
    #expect(order(dataset) == Array(0..<10))
  }

  @Test func theFirstBatchIsTheFirstOfAPass() throws {
    let dataset = try TensorDataset(images: images, labels: labels, batchSize: 4)
    let (first, firstLabels) = try dataset.firstBatch()
    #expect(first.classIndices == [0, 1, 2, 3])
    #expect(firstLabels.classIndices == [0, 1, 2, 3])
    let empty = try TensorDataset(images: Tensor(zeros: [0, 1]), labels: Tensor(labels: []), batchSize: 4)
    #expect(throws: ModelError.noData(action: "take a first batch")) { try empty.firstBatch() }
  }

  @Test func withoutShufflingEveryPassHasTheSameOrder() throws {
    let dataset = try TensorDataset(images: images, labels: labels, batchSize: 3)
    #expect(order(dataset) == order(dataset))
  }

  @Test func shufflingGivesANewOrderEachPassAndKeepsLabelsWithImages() throws {
    let dataset = try TensorDataset(images: images, labels: labels, batchSize: 3, shuffle: true, seed: 5)
    let first = order(dataset)
    let second = order(dataset)
    #expect(first.sorted() == Array(0..<10))
    #expect(first != second)
    for (batchImages, batchLabels) in dataset {
      #expect(batchImages.classIndices == batchLabels.classIndices)
    }
  }

  @Test func theSameSeedGivesTheSameOrders() throws {
    let a = try TensorDataset(images: images, labels: labels, shuffle: true, seed: 9)
    let b = try TensorDataset(images: images, labels: labels, shuffle: true, seed: 9)
    #expect(order(a) == order(b))
    #expect(order(a) == order(b))
  }

  @Test func mismatchedCountsAreRejected() {
    #expect(throws: ModelError.sampleCountMismatch(images: 10, labels: 3)) {
      try TensorDataset(images: images, labels: labels[0..<3])
    }
  }
}
