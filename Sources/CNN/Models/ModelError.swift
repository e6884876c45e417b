/// A problem with how a model is put together or with the data given to `fit`, `evaluate` or
/// `predict`.
///
/// Each case carries what its message needs; `description` says what was received, what was
/// expected and what to do, with shapes written as `model.summary()` writes them.
public enum ModelError: Error, Equatable, CustomStringConvertible {
  /// The data's item shape differs from the model's input shape.
  case inputShapeMismatch(model: String, expected: [Int], received: [Int])
  /// `fit` or `evaluate` was called before `compile`.
  case notCompiled(model: String)
  /// The model has no input shape yet, so it cannot be used for this.
  case notBuilt(model: String, action: String)
  /// The model has no layers.
  case empty(model: String)
  /// An `Input` appears somewhere other than first in a `Sequential`.
  case inputNotFirst(model: String, position: Int)
  /// The outputs given to `Model(inputs:outputs:)` do not come from its inputs.
  case outputsNotFromInputs(model: String, inputs: String, outputsSource: String)
  /// Images and labels differ in number.
  case sampleCountMismatch(images: Int, labels: Int)
  /// A class label is not a whole number in `0..<classes`.
  case labelOutOfRange(label: Float, position: Int, classes: Int)
  /// The labels' shape does not suit the loss and the model's output.
  case labelShapeMismatch(loss: String, expected: String, received: [Int])
  /// There is no data to work on.
  case noData(action: String)
  /// The optimizer already holds the training state of another model.
  case optimizerInUse(model: String)
  /// An argument of `fit`, `evaluate` or `predict` is out of range.
  case invalidArgument(argument: String, value: String, requirement: String)

  /// The message a learner reads.
  public var description: String {
    switch self {
    case .inputShapeMismatch(let model, let expected, let received):
      let item = Array(received.dropFirst())
      var advice = "Check the data you passed in."
      if item.count == expected.count - 1 && Array(expected.dropLast()) == item {
        advice = "The images lack a channel axis: reshape them to \(ShapeNotation.concrete([received[0]] + expected))."
      } else if item.count == 3 && expected.count == 3 && item[2] == expected[2] {
        advice =
          "Resize the images to \(expected[0])×\(expected[1]) pixels (imageSize: [\(expected[0]), \(expected[1])])."
      } else if item.count == 3 && expected.count == 3 {
        advice = "The images have \(item[2]) channel(s) but the model expects \(expected[2]): check the color mode."
      }
      return """
        Model "\(model)" expects input \(ShapeNotation.batched(expected)) but received \
        \(ShapeNotation.concrete(received)). \(advice)
        """
    case .notCompiled(let model):
      return """
        Model "\(model)" has not been compiled. Call compile(optimizer:loss:metrics:) first, for example \
        model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy]).
        """
    case .notBuilt(let model, let action):
      return """
        Model "\(model)" cannot \(action) yet: it does not know its input shape. Start it with \
        Input(shape: …), call build(inputShape:), or train it on data first.
        """
    case .empty(let model):
      return "Model \"\(model)\" has no layers. Add at least one layer before using it."
    case .inputNotFirst(let model, let position):
      return """
        Sequential "\(model)" has an Input at position \(position + 1). An Input can only be the first \
        layer; remove it or move it to the top.
        """
    case .outputsNotFromInputs(let model, let inputs, let outputsSource):
      return """
        Model "\(model)": the outputs were computed from input "\(outputsSource)", not from "\(inputs)". \
        Pass the Input that the chain of layers starts from.
        """
    case .sampleCountMismatch(let images, let labels):
      return """
        There are \(images) images but \(labels) labels. Each image needs exactly one label; check that \
        both come from the same dataset and split.
        """
    case .labelOutOfRange(let label, let position, let classes):
      return """
        Label \(label) (item \(position)) is not a class index from 0 to \(classes - 1). The last layer has \
        \(classes) outputs: make it Dense(units: n) with n the number of classes, and labels whole \
        numbers from 0 to n − 1.
        """
    case .labelShapeMismatch(let loss, let expected, let received):
      return "\(loss) needs labels of shape \(expected) but received \(ShapeNotation.concrete(received))."
        + (loss == "categorical_crossentropy"
          ? " Use toCategorical(_:classCount:) to one-hot encode class indices, or use sparseCategoricalCrossentropy."
          : loss == "sparse_categorical_crossentropy"
            ? " For one-hot labels use categoricalCrossentropy instead." : "")
    case .noData(let action):
      return "There is no data to \(action): the images are empty."
    case .optimizerInUse(let model):
      return """
        The optimizer of model "\(model)" already holds the training state of another model. \
        Give each model its own optimizer: compile(optimizer: .adam(), …) creates a new one.
        """
    case .invalidArgument(let argument, let value, let requirement):
      return "\(argument) must be \(requirement), but it is \(value)."
    }
  }
}
