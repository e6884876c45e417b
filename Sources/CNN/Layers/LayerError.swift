/// A problem with a layer's arguments or with the shape of the data it receives, found when the
/// layer is built or called.
///
/// Each case carries what its message needs; the wording lives in `description`, which says what
/// was received, what was expected and what to do.
public enum LayerError: Error, Equatable, CustomStringConvertible {
  /// An argument is out of its allowed range (a negative filter count, a dropout rate of 1…).
  case invalidArgument(layer: String, argument: String, value: String, requirement: String)
  /// The input has the wrong number of axes for the layer (`expected` in summary notation).
  case wrongInputRank(layer: String, className: String, expected: String, received: [Int])
  /// A `Dense` layer received a feature map instead of a flat vector.
  case missingFlatten(layer: String, received: [Int])
  /// A convolution kernel or pooling window is larger than the (padded) input.
  case windowLargerThanInput(layer: String, className: String, window: [Int], received: [Int])
  /// A built layer was called with data of another shape.
  case inputShapeChanged(layer: String, builtFor: [Int], received: [Int])
  /// New weights for a variable have the wrong shape.
  case weightShapeMismatch(layer: String, variable: String, expected: [Int], received: [Int])
  /// A layer appears twice in one model, where it would share (and overwrite) its training state.
  case usedTwice(layer: String)
  /// A layer would have more parameters than a laptop can hold, usually from a typo in a size.
  case tooManyParameters(layer: String, count: Int, limit: Int)
  /// Built from a shared file, the layer would need more values than the file's weights hold.
  case moreParametersThanSaved(layer: String, count: Int, saved: Int)

  /// The message a learner reads.
  public var description: String {
    switch self {
    case .invalidArgument(let layer, let argument, let value, let requirement):
      return "\(layer): \(argument) must be \(requirement), but it is \(value)."
    case .wrongInputRank(let layer, let className, let expected, let received):
      return """
        \(className) "\(layer)" expects input \(expected) but received \(ShapeNotation.batched(received)) \
        (\(received.count + 1) axes). \(rankAdvice(className: className, received: received))
        """
    case .missingFlatten(let layer, let received):
      return """
        Dense "\(layer)" expects a flat input (None, features) but received \(ShapeNotation.batched(received)). \
        A Flatten layer is missing: add Flatten() before "\(layer)" to turn each \
        \(received.map(String.init).joined(separator: "×")) feature map into \(received.reduce(1, *)) numbers.
        """
    case .windowLargerThanInput(let layer, let className, let window, let received):
      let what = className == "Conv2D" ? "kernel" : "pooling window"
      return """
        The \(window.map(String.init).joined(separator: "×")) \(what) of \(className) "\(layer)" does not fit in \
        its input \(ShapeNotation.batched(received)). Use padding: .same, a smaller \(what), or fewer \
        pooling layers before it.
        """
    case .inputShapeChanged(let layer, let builtFor, let received):
      return """
        "\(layer)" was built for input \(ShapeNotation.batched(builtFor)) but received \
        \(ShapeNotation.batched(received)). A layer keeps the shape it was first built with; \
        create a new layer for data of another shape.
        """
    case .weightShapeMismatch(let layer, let variable, let expected, let received):
      return """
        "\(layer)" cannot take new \(variable) values of shape \(ShapeNotation.concrete(received)): \
        its \(variable) has shape \(ShapeNotation.concrete(expected)).
        """
    case .tooManyParameters(let layer, let count, let limit):
      return """
        "\(layer)" would have \(count) parameters (\(count / 250_000) MB), more than the \(limit) this library \
        allows in one layer. Check its size arguments for a typo, or put pooling layers before it.
        """
    case .moreParametersThanSaved(let layer, let count, let saved):
      return """
        "\(layer)" would have \(count) parameters, but the file holds only \(saved) weight values in all \
        for the layers still to build: its architecture and its weights do not belong together.
        """
    case .usedTwice(let layer):
      return """
        "\(layer)" appears twice in this model. A layer object can be used once per model; \
        create a second layer with the same arguments instead.
        """
    }
  }

  private func rankAdvice(className: String, received: [Int]) -> String {
    switch (className, received.count) {
    case ("Conv2D", 2), ("MaxPooling2D", 2), ("AveragePooling2D", 2), ("GlobalAveragePooling2D", 2):
      let shape = (received + [1]).map(String.init).joined(separator: ", ")
      return "Grayscale images need a channel axis: give them the shape (None, \(shape))."
    case (_, 1) where className != "Dense":
      return "This layer works on images (height, width, channels); it cannot follow Flatten or Dense."
    default:
      return "Check the input shape of the model and the layers before this one."
    }
  }
}
