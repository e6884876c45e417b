extension ModelFileError {
  /// The messages for problems with the model a file describes, rather than with the file itself.
  var contentDescription: String {
    switch self {
    case .invalidModel(let path, let detail):
      let sentence = detail.hasSuffix(".") ? String(detail.dropLast()) : detail
      return """
        The model file '\(path)' is intact but its model cannot be rebuilt: \(sentence). The file was \
        probably written by another program or edited by hand; save the model again with save(to:).
        """
    case .unsupported(let path, let className, let detail):
      return """
        The model in '\(path)' cannot be loaded: \(detail). This library supports the layers Input, \
        Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, Flatten, Dense, Dropout, \
        Rescaling and Activation; rebuild the model without \(className) to use it here.
        """
    case .missingWeights(let path, let name):
      return """
        The model file '\(path)' has no values for the weight '\(name)', which its model needs. \
        The file is incomplete: save the model again.
        """
    case .weightShapeMismatch(let path, let name, let expected, let found):
      return """
        In the model file '\(path)', the weight '\(name)' has shape \(ShapeNotation.concrete(found)) but \
        its layer needs \(ShapeNotation.concrete(expected)). The file does not match its own model: \
        save the model again.
        """
    default:
      return description
    }
  }
}
