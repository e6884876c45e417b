import ImageCodecs

/// Labelled images from a folder of class folders, in batches: what `imageDatasetFromDirectory`
/// returns, and what `fit`, `evaluate` and `predict` take (Keras's `tf.data.Dataset` with
/// `class_names` and `file_paths`).
///
///     for (images, labels) in trainingSet.take(1) {
///       images.shape   // [32, 32, 32, 3]: a batch, pixel values 0...255
///       labels.shape   // [32]: class indices into trainingSet.classNames
///     }
///
/// Each image is decoded and resized once, the first time it is needed, and kept in memory, so
/// later epochs do not decode again. With shuffling on, every pass visits the images in a new
/// order; with it off, always in `filePaths` order.
public final class ImageDataset: Dataset {
  /// The class names, in label order: label `k` means `classNames[k]`.
  public let classNames: [String]
  /// The files that decoded, in the dataset's base order (the order of passes without shuffling).
  public let filePaths: [String]
  /// The class index of each file in `filePaths`.
  public let classIndices: [Int]
  /// The files left out because they could not be decoded, each with what is wrong with it.
  public let skippedFiles: [ImageDecodingError]
  /// The number of images per batch (the last batch may be smaller).
  public let batchSize: Int
  /// Whether each pass visits the images in a new order.
  public let shuffle: Bool
  /// The shape of one image: `[height, width, channels]`.
  public let imageShape: [Int]
  /// How labels are given.
  public let labelMode: LabelMode

  /// The decoded images, shared with the other dataset of a split.
  let cache: ImageCache
  private var generator: RandomGenerator
  private let batchLimit: Int?

  init(
    classNames: [String], files: [(path: String, label: Int)], skippedFiles: [ImageDecodingError], cache: ImageCache,
    batchSize: Int, shuffle: Bool, seed: UInt64, labelMode: LabelMode, batchLimit: Int? = nil
  ) {
    self.classNames = classNames
    self.filePaths = files.map(\.path)
    self.classIndices = files.map(\.label)
    self.skippedFiles = skippedFiles
    self.cache = cache
    self.batchSize = batchSize
    self.shuffle = shuffle
    self.generator = RandomGenerator(seed: seed)
    self.labelMode = labelMode
    self.imageShape = cache.imageShape
    self.batchLimit = batchLimit
  }

  /// The number of images.
  public var count: Int { batchLimit.map { Swift.min($0 * batchSize, filePaths.count) } ?? filePaths.count }

  /// The number of batches in one pass.
  public var batchCount: Int { (count + batchSize - 1) / batchSize }

  /// Every label in `filePaths` order, in the label mode's shape: the true classes to compare
  /// with `predict` on a dataset made with `shuffle: false`.
  public var labels: Tensor {
    labelTensor(for: Array(0..<count))
  }

  /// A dataset of the first `batchCount` batches of each pass (Keras's `take`).
  public func take(_ batchCount: Int) -> ImageDataset {
    ImageDataset(
      classNames: classNames, files: Array(zip(filePaths, classIndices)), skippedFiles: skippedFiles, cache: cache,
      batchSize: batchSize,
      shuffle: shuffle, seed: generator.next(), labelMode: labelMode, batchLimit: Swift.max(0, batchCount))
  }

  /// Starts a pass over the batches, in a new order if shuffling.
  public func makeIterator() -> AnyIterator<(images: Tensor, labels: Tensor)> {
    let batches = makePixelIterator()
    return AnyIterator { batches.next().map { ($0.pixels.tensor, $0.labels) } }
  }

  /// Starts a pass over the batches, in a new order if shuffling, with the images as the 8-bit
  /// pixels the dataset keeps: for a model to convert in one pass with its first layer.
  func makePixelIterator() -> AnyIterator<(pixels: PixelBatch, labels: Tensor)> {
    var order = Array(filePaths.indices)
    if shuffle { generator.shuffle(&order) }
    order = Array(order.prefix(count))
    var start = 0
    return AnyIterator { [self] in
      guard start < order.count else { return nil }
      let indices = Array(order[start..<Swift.min(start + batchSize, order.count)])
      start += batchSize
      return (cache.batch(of: indices.map { filePaths[$0] }), labelTensor(for: indices))
    }
  }

  /// The labels of the files at `indices`, in the label mode's shape.
  private func labelTensor(for indices: [Int]) -> Tensor {
    let labels = indices.map { classIndices[$0] }
    switch labelMode {
    case .int:
      return Tensor(labels: labels)
    case .categorical:
      var oneHot = Tensor(zeros: [labels.count, classNames.count])
      for (row, label) in labels.enumerated() { oneHot.scalars[row * classNames.count + label] = 1 }
      return oneHot
    case .binary:
      return Tensor(shape: [labels.count, 1], scalars: labels.map(Float.init))
    case .none:
      return Tensor(zeros: [labels.count, 0])
    }
  }
}
