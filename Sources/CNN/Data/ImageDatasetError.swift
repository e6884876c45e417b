import TextEscaping

/// A problem with the arguments or the folder given to `imageDatasetFromDirectory`; the message
/// says what was found and what to do, as Keras's errors do.
public enum ImageDatasetError: Error, Equatable, CustomStringConvertible {
  /// The folder does not exist or is not a folder.
  case folderNotFound(String)
  /// No image files were found.
  case noImages(folder: String)
  /// Class names were given that are not the folder's sub-folders.
  case unknownClassNames(given: [String], found: [String])
  /// Binary labels need exactly two classes.
  case binaryNeedsTwoClasses(found: [String])
  /// `validationSplit` and `subset` must be given together.
  case splitWithoutSubset
  /// `subset` was given without `validationSplit`.
  case subsetWithoutSplit
  /// Shuffling a split needs a seed, so training and validation never overlap.
  case splitNeedsSeed
  /// An argument is out of range.
  case invalidArgument(argument: String, value: String, requirement: String)

  /// The message a learner reads, with folder and class names escaped for the terminal.
  public var description: String {
    message.escapedForTerminal(keepingNewlines: true)
  }

  /// The message, with names as they are.
  private var message: String {
    switch self {
    case .folderNotFound(let folder):
      return
        "The folder \(folder) does not exist (or is not a folder). Check the path: it should hold one sub-folder per class."
    case .noImages(let folder):
      return """
        No images found in directory \(folder). Allowed formats: .png, .jpg, .jpeg, .bmp, .gif, .ppm, .pgm, .pbm. \
        Put the images in one sub-folder per class, such as \(folder)/cat/ and \(folder)/dog/.
        """
    case .unknownClassNames(let given, let found):
      return """
        The classNames \(given) must name the folder's class sub-folders, which are \(found). \
        Leave classNames out to use them all, in sorted order.
        """
    case .binaryNeedsTwoClasses(let found):
      return """
        labelMode .binary needs exactly 2 classes, but the folder has \(found.count): \(found). \
        Use .int or .categorical for more classes.
        """
    case .splitWithoutSubset:
      return "validationSplit needs subset: .training, .validation or .both, to say which part to load."
    case .subsetWithoutSplit:
      return "subset needs validationSplit, such as validationSplit: 0.2, to say how much to keep for validation."
    case .splitNeedsSeed:
      return """
        When you use validationSplit and shuffle the data, you must give a seed (for example seed: 42), so that \
        the training and validation subsets are drawn from the same order and never overlap.
        """
    case .invalidArgument(let argument, let value, let requirement):
      return "\(argument) must be \(requirement), but it is \(value)."
    }
  }
}
