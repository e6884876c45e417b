/// A source of labelled batches for `fit`, `evaluate` and `predict`: each pass over it (each
/// `for … in`) is one epoch, and may come in a new order.
///
///     for (images, labels) in trainingSet { … }   // images [N, H, W, C], labels [N]
///
/// `TensorDataset` batches arrays already in memory; `imageDatasetFromDirectory` reads a folder
/// of images.
public protocol Dataset: Sequence where Element == (images: Tensor, labels: Tensor) {
  /// The number of batches in one pass.
  var batchCount: Int { get }
}

/// Batches of images and labels already in memory, reshuffled on every pass when asked, as
/// `fit` does with arrays (and `tf.data.Dataset.from_tensor_slices(…).shuffle(…).batch(…)`).
public final class TensorDataset: Dataset {
  /// The images, `[N, …]`.
  public let images: Tensor
  /// The labels, `[N, …]`.
  public let labels: Tensor
  /// The number of items per batch; the last batch may be smaller.
  public let batchSize: Int
  /// Whether each pass visits the items in a new random order.
  public let shuffle: Bool

  private var generator: RandomGenerator

  /// Creates batches of `batchSize` items from `images` and `labels`.
  ///
  /// - Parameter seed: fixes the shuffling; nil draws a seed from the process-wide generator.
  /// - Throws: `ModelError` when the counts differ or `batchSize` is not positive.
  public init(images: Tensor, labels: Tensor, batchSize: Int = 32, shuffle: Bool = false, seed: UInt64? = nil) throws {
    guard batchSize > 0 else {
      throw ModelError.invalidArgument(argument: "batchSize", value: "\(batchSize)", requirement: "a positive number")
    }
    let count = images.shape.first ?? 0
    guard labels.shape.first == count else {
      throw ModelError.sampleCountMismatch(images: count, labels: labels.shape.first ?? 0)
    }
    self.images = images
    self.labels = labels
    self.batchSize = batchSize
    self.shuffle = shuffle
    self.generator = RandomGenerator(seed: seed ?? GlobalRandom.current.nextSeed())
  }

  /// The number of items.
  public var count: Int { images.shape.first ?? 0 }

  /// The number of batches in one pass: ⌈count / batchSize⌉.
  public var batchCount: Int { (count + batchSize - 1) / batchSize }

  /// Starts a pass over the batches, in a new order if shuffling.
  public func makeIterator() -> AnyIterator<(images: Tensor, labels: Tensor)> {
    var order = Array(0..<count)
    if shuffle { generator.shuffle(&order) }
    let (images, labels, batchSize) = (self.images, self.labels, self.batchSize)
    var start = 0
    return AnyIterator {
      guard start < order.count else { return nil }
      let indices = Array(order[start..<Swift.min(start + batchSize, order.count)])
      start += batchSize
      return (images.gathering(indices), labels.gathering(indices))
    }
  }
}

extension Dataset {
  /// The first batch of a pass (Keras's `next(iter(dataset))`): the images and labels to look at.
  ///
  ///     let (images, labels) = try testSet.firstBatch()
  ///
  /// - Throws: `ModelError.noData` when the dataset is empty.
  public func firstBatch() throws -> (images: Tensor, labels: Tensor) {
    var batches = makeIterator()
    guard let batch = batches.next() else { throw ModelError.noData(action: "take a first batch") }
    return batch
  }
}
