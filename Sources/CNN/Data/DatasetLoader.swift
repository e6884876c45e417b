import ImageCodecs
import TerminalUI
import TextEscaping

/// The steps shared by both forms of `imageDatasetFromDirectory`: check the arguments, list the
/// folder, shuffle once, split, then decode each part, skipping files that do not decode.
struct DatasetLoader {
  let index: DirectoryIndex
  /// The files in base order: shuffled once with the seed, or in folder order.
  let files: [(path: String, label: Int)]
  let validationSplit: Double?
  let labelMode: LabelMode
  let batchSize: Int
  let cache: ImageCache
  let seed: UInt64
  let verbose: Bool
  private let output = TerminalOutput.current

  init(
    folder: String, labelMode: LabelMode, classNames: [String]?, colorMode: ColorMode, batchSize: Int,
    imageSize: [Int], shuffle: Bool, seed: UInt64?, validationSplit: Double?, hasSubset: Bool,
    interpolation: Interpolation, followLinks: Bool, cropToAspectRatio: Bool, usesExifOrientation: Bool,
    verbose: Bool
  ) throws {
    guard batchSize > 0 else {
      throw ImageDatasetError.invalidArgument(
        argument: "batchSize", value: "\(batchSize)", requirement: "a positive number")
    }
    guard imageSize.count == 2, imageSize.allSatisfy({ (1...16_384).contains($0) }) else {
      throw ImageDatasetError.invalidArgument(
        argument: "imageSize", value: "\(imageSize)", requirement: "[height, width] with sizes from 1 to 16384")
    }
    if let validationSplit {
      guard validationSplit > 0 && validationSplit < 1 else {
        throw ImageDatasetError.invalidArgument(
          argument: "validationSplit", value: "\(validationSplit)", requirement: "between 0 and 1, such as 0.2")
      }
      guard hasSubset else { throw ImageDatasetError.splitWithoutSubset }
      guard !shuffle || seed != nil else { throw ImageDatasetError.splitNeedsSeed }
    } else if hasSubset {
      throw ImageDatasetError.subsetWithoutSplit
    }
    index = try DirectoryIndex(folder: folder, classNames: classNames, followLinks: followLinks)
    if labelMode == .binary && index.classNames.count != 2 {
      throw ImageDatasetError.binaryNeedsTwoClasses(found: index.classNames)
    }
    guard !index.files.isEmpty else { throw ImageDatasetError.noImages(folder: folder) }
    let seed = seed ?? GlobalRandom.current.nextSeed()
    var files = index.files
    if shuffle {
      var generator = RandomGenerator(seed: seed)
      generator.shuffle(&files)
    }
    self.files = files
    self.seed = seed
    self.validationSplit = validationSplit
    self.labelMode = labelMode
    self.batchSize = batchSize
    self.verbose = verbose
    cache = ImageCache(
      height: imageSize[0], width: imageSize[1], colorMode: colorMode, interpolation: interpolation,
      cropToAspectRatio: cropToAspectRatio, usesExifOrientation: usesExifOrientation, fileCount: files.count)
    if verbose {
      output.writeLine(
        labelMode == .none
          ? "Found \(files.count) files."
          : "Found \(files.count) files belonging to \(index.classNames.count) classes.")
    }
  }

  /// The number of files kept for validation: ⌊split · count⌋, as Keras computes it.
  private var validationCount: Int {
    Int((validationSplit ?? 0) * Double(files.count))
  }

  /// The first files, and says how many are used.
  func trainingFiles() -> [(path: String, label: Int)] {
    let part = Array(files.prefix(files.count - validationCount))
    if verbose { output.writeLine("Using \(part.count) files for training.") }
    return part
  }

  /// The last files, and says how many are used.
  func validationFiles() -> [(path: String, label: Int)] {
    let part = Array(files.suffix(validationCount))
    if verbose { output.writeLine("Using \(part.count) files for validation.") }
    return part
  }

  /// A dataset of the files that decode; those that do not are summarised in one line and kept
  /// in the dataset's `skippedFiles`. `salt` gives each dataset of one folder its own shuffling
  /// sequence.
  func dataset(files: [(path: String, label: Int)], shuffle: Bool, salt: UInt64 = 0) -> ImageDataset {
    var usable: [(path: String, label: Int)] = []
    var skipped: [ImageDecodingError] = []
    for (file, error) in zip(files, cache.preload(files.map(\.path))) {
      if let error { skipped.append(error) } else { usable.append(file) }
    }
    if !skipped.isEmpty { output.writeLine(skippedSummary(skipped, of: files.count)) }
    return ImageDataset(
      classNames: index.classNames, files: usable, skippedFiles: skipped, cache: cache, batchSize: batchSize,
      shuffle: shuffle, seed: seed &+ 1 &+ salt, labelMode: labelMode)
  }

  /// "Skipped 2 of 40 files that could not be decoded: cat/a.jpg (cut off), dog/b.bmp (not an
  /// image). Using the other 38." The first three are named, relative to the folder.
  func skippedSummary(_ skipped: [ImageDecodingError], of total: Int) -> String {
    let shown = 3
    let named = skipped.prefix(shown).map {
      "\(index.relativePath(of: $0.path).escapedForTerminal()) (\($0.problem.briefDescription))"
    }
    let more = skipped.count > shown ? " and \(skipped.count - shown) more (`skippedFiles` lists them all)" : ""
    return
      "Skipped \(skipped.count) of \(total) files that could not be decoded: \(named.joined(separator: ", "))\(more). "
      + "Using the other \(total - skipped.count)."
  }
}
