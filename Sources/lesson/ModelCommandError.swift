/// Why `lesson predict` or `lesson evaluate` cannot pair a model's outputs with class names.
enum ModelCommandError: Error, Equatable, CustomStringConvertible {
  /// The folder to evaluate on has another number of class folders than the model has outputs.
  case classFolderCount(folder: String, found: Int, model: String, outputs: Int)
  /// `--classes` names another number of classes than the model has outputs.
  case classNameCount(given: Int, outputs: Int)

  var description: String {
    switch self {
    case .classFolderCount(let folder, let found, let model, let outputs):
      return """
        The folder \(folder) has \(found) class folder\(found == 1 ? "" : "s"), but model "\(model)" has \
        \(outputs) outputs, one per class it learned. Give a folder with one sub-folder for each of those \
        classes, named as in the folder it was trained on.
        """
    case .classNameCount(let given, let outputs):
      return """
        --classes gives \(given) class name\(given == 1 ? "" : "s"), but the model has \(outputs) outputs, one per \
        class. Give \(outputs) names separated by commas, in the order the model learned them, or the folder it \
        was trained on.
        """
    }
  }
}
