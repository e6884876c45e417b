import CNN
import TextEscaping

/// A folder `lesson train` cannot train on sensibly, found before any image is decoded; the
/// message names what was found and what to do. Names from disk are put in messages here only.
enum TrainingDataError: Error, Equatable, CustomStringConvertible {
  /// The folder given does not exist, or is not a folder.
  case folderNotFound(String)
  /// `folder`'s `train/` and `val/` hold different class folders, so labels would not mean the same
  /// thing in both.
  case classFoldersDiffer(folder: String, training: [String], validation: [String])
  /// Only one class folder: every prediction would be right, and the accuracy meaningless.
  case oneClass(folder: String, name: String)
  /// The model for images of this size would not fit in the memory training may use.
  case modelTooLarge(imageSize: [Int], memory: TrainingMemory, budget: Int, suggestion: [Int]?)

  /// The message a learner reads.
  var description: String {
    message.escapedForTerminal(keepingNewlines: true)
  }

  /// The message, with names as they are.
  private var message: String {
    switch self {
    case .folderNotFound(let folder):
      return "There is no folder \(folder). Give `lesson train` a folder that holds one sub-folder of images per class."
    case .classFoldersDiffer(let folder, let training, let validation):
      let onlyTraining = training.filter { !validation.contains($0) }
      let onlyValidation = validation.filter { !training.contains($0) }
      var differences: [String] = []
      if !onlyTraining.isEmpty { differences.append("only train/ has \(Self.list(onlyTraining))") }
      if !onlyValidation.isEmpty { differences.append("only val/ has \(Self.list(onlyValidation))") }
      return """
        In \(folder), train/ and val/ must hold the same class folders, or a label would mean one class in \
        training and another in validation. train/ has \(Self.list(training)); val/ has \(Self.list(validation)) \
        (\(differences.joined(separator: "; "))). Rename or move folders so that both have the same names.
        """
    case .oneClass(let folder, let name):
      return """
        \(folder) holds only one class folder, \(name): with one class every prediction is right, so an accuracy of \
        1.0 would mean nothing. Add a folder of images for at least one more class beside it.
        """
    case .modelTooLarge(let imageSize, let memory, let budget, let suggestion):
      let size = imageSize.map(String.init).joined(separator: "×")
      let advice =
        suggestion.map { "Train on smaller images with `--image-size \($0[0]) \($0[1])`." }
        ?? "Train on smaller images with `--image-size H W`, or a smaller batch with `--batch-size`."
      return """
        A model for \(size) images would need about \(Model.readableSize(memory.totalBytes)) to train: \
        \(Model.grouped(memory.parameterCount)) parameters × \(TrainingMemory.bytesPerValue) bytes × \
        \(TrainingMemory.copiesPerParameter) copies (weights, gradients and Adam's two moments) = \
        \(Model.readableSize(memory.parameterBytes)), plus \(memory.batchSize) images × \
        \(Model.grouped(memory.valuesPerImage)) values (outputs kept and gradients) × \
        \(TrainingMemory.bytesPerValue) bytes = \(Model.readableSize(memory.activationBytes)), plus \
        \(Model.grouped(memory.imageCount)) images kept as \(Model.grouped(memory.bytesPerImage)) bytes each = \
        \(Model.readableSize(memory.imageBytes)), plus \(Model.readableSize(TrainingMemory.programBytes)) for the \
        program itself. \
        That is more than the \(Model.readableSize(budget)) \
        training may use (half of this machine's memory). \(advice)
        """
    }
  }

  /// `cat, dog`, or `no class folders`.
  private static func list(_ names: [String]) -> String {
    names.isEmpty ? "no class folders" : names.joined(separator: ", ")
  }
}
