import ImageCodecs

/// Loads a folder of class folders as a labelled, batched image dataset: Keras's
/// `keras.utils.image_dataset_from_directory`, with the same arguments, defaults and messages.
///
///     let trainingSet = try imageDatasetFromDirectory(
///       "Datasets/shapes/train", imageSize: [32, 32], batchSize: 32, seed: 42)
///     // Found 1000 files belonging to 5 classes.
///
/// `folder/circle/…` gets label 0 if `circle` comes first among the sorted sub-folder names.
/// Images come as `[N, height, width, channels]` Float32 tensors with pixel values 0...255 (add
/// `Rescaling(scale: 1.0 / 255)` to a model to bring them to 0...1). They are kept in memory as
/// 8-bit pixels, a quarter of the size, and converted batch by batch (by a model's first
/// `Rescaling` layer itself, in the same pass). So an image resized to `imageSize` is rounded to
/// whole values, halves up, where Keras keeps the fractions `tf.image.resize` gives: each value
/// differs from Keras's by at most 0.5. An image already of that size is kept exactly.
///
/// - Parameters:
///   - labelMode: `.int` (default), `.categorical`, `.binary` or `.none`.
///   - classNames: the classes to use and their order; by default every sub-folder, sorted.
///   - colorMode: `.rgb` (default), `.grayscale` or `.rgba`.
///   - batchSize: images per batch (32).
///   - imageSize: `[height, width]` every image is resized to (Keras's default, `[256, 256]`).
///   - shuffle: whether to shuffle the files once (before any split) and again on every pass.
///   - seed: fixes the shuffling and split; required with `validationSplit` and `shuffle`.
///   - validationSplit: the fraction of files kept for validation, taken from the end.
///   - subset: `.training` or `.validation`, the part to load when splitting.
///   - interpolation: `.bilinear` (default) or `.nearest`.
///   - followLinks: whether to walk into linked folders.
///   - cropToAspectRatio: crop each image's centre to the target aspect ratio before resizing,
///     instead of squashing it.
///   - usesExifOrientation: turn each photo upright as its EXIF orientation tag says, as photo
///     viewers do (Keras ignores the tag, hence the default).
///   - verbose: print Keras's "Found … files belonging to … classes." lines.
/// - Throws: `ImageDatasetError` for a missing folder, no images, or arguments that do not fit.
///   Files that do not decode are skipped, each named in a warning, and summarised in one line.
public func imageDatasetFromDirectory(
  _ folder: String, labelMode: LabelMode = .int, classNames: [String]? = nil, colorMode: ColorMode = .rgb,
  batchSize: Int = 32, imageSize: [Int] = [256, 256], shuffle: Bool = true, seed: UInt64? = nil,
  validationSplit: Double? = nil, subset: Subset? = nil, interpolation: Interpolation = .bilinear,
  followLinks: Bool = false, cropToAspectRatio: Bool = false, usesExifOrientation: Bool = false,
  verbose: Bool = true
) throws -> ImageDataset {
  let loader = try DatasetLoader(
    folder: folder, labelMode: labelMode, classNames: classNames, colorMode: colorMode, batchSize: batchSize,
    imageSize: imageSize, shuffle: shuffle, seed: seed, validationSplit: validationSplit, hasSubset: subset != nil,
    interpolation: interpolation, followLinks: followLinks, cropToAspectRatio: cropToAspectRatio,
    usesExifOrientation: usesExifOrientation, verbose: verbose)
  switch subset {
  case nil: return loader.dataset(files: loader.files, shuffle: shuffle)
  case .training: return loader.dataset(files: loader.trainingFiles(), shuffle: shuffle)
  case .validation: return loader.dataset(files: loader.validationFiles(), shuffle: shuffle, salt: 1)
  }
}

/// Loads a folder of class folders as a training and a validation dataset at once: Keras's
/// `image_dataset_from_directory(…, subset="both")`. The validation dataset is not reshuffled.
///
///     let (trainingSet, validationSet) = try imageDatasetFromDirectory(
///       "Datasets/digits/train", colorMode: .grayscale, imageSize: [28, 28],
///       seed: 1, validationSplit: 0.2, subset: .both)
///
/// - Throws: `ImageDatasetError`, as the single-dataset form.
public func imageDatasetFromDirectory(
  _ folder: String, labelMode: LabelMode = .int, classNames: [String]? = nil, colorMode: ColorMode = .rgb,
  batchSize: Int = 32, imageSize: [Int] = [256, 256], shuffle: Bool = true, seed: UInt64? = nil,
  validationSplit: Double, subset: BothSubsets, interpolation: Interpolation = .bilinear,
  followLinks: Bool = false, cropToAspectRatio: Bool = false, usesExifOrientation: Bool = false,
  verbose: Bool = true
) throws -> (training: ImageDataset, validation: ImageDataset) {
  let loader = try DatasetLoader(
    folder: folder, labelMode: labelMode, classNames: classNames, colorMode: colorMode, batchSize: batchSize,
    imageSize: imageSize, shuffle: shuffle, seed: seed, validationSplit: validationSplit, hasSubset: true,
    interpolation: interpolation, followLinks: followLinks, cropToAspectRatio: cropToAspectRatio,
    usesExifOrientation: usesExifOrientation, verbose: verbose)
  let training = loader.trainingFiles()
  let validation = loader.validationFiles()
  return (
    loader.dataset(files: training, shuffle: shuffle, salt: 0),
    loader.dataset(files: validation, shuffle: false, salt: 1)
  )
}
