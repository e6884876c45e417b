import ImageCodecs

/// How `imageDatasetFromDirectory` turns class folders into labels (Keras's `label_mode`).
public enum LabelMode: String, Sendable {
  /// Class indices, `[N]`: for `sparseCategoricalCrossentropy`.
  case int
  /// One-hot rows, `[N, classes]`: for `categoricalCrossentropy`.
  case categorical
  /// 0 or 1, `[N, 1]`, for exactly two classes: for `binaryCrossentropy`.
  case binary
  /// No labels (an empty `[N, 0]` tensor): for images to predict on.
  case none
}

/// How many channels images are given (Keras's `color_mode`).
public enum ColorMode: String, Sendable, CaseIterable {
  /// One channel; colour images are converted to gray.
  case grayscale
  /// Three channels; gray is repeated and alpha dropped.
  case rgb
  /// Four channels; alpha is 255 where the file has none.
  case rgba

  /// The number of channels.
  public var channels: Int {
    switch self {
    case .grayscale: return 1
    case .rgb: return 3
    case .rgba: return 4
    }
  }
}

/// Which part of a split folder to load (Keras's `subset`).
public enum Subset: String, Sendable {
  /// The first `1 − validationSplit` of the files.
  case training
  /// The last `validationSplit` of the files.
  case validation
}

/// Asks `imageDatasetFromDirectory` for both parts of a split at once (Keras's `subset="both"`).
public enum BothSubsets: Sendable {
  /// The training and the validation datasets, as a pair.
  case both
}

/// How images are resized to `imageSize` (Keras's `interpolation`).
public typealias Interpolation = ImageCodecs.Interpolation
