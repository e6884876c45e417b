// Keras's string shortcuts for `compile`: `optimizer="adam"`, `loss="sparse_categorical_crossentropy"`,
// `metrics=["accuracy"]`. A name that is not known fails with the known names listed.

extension Model {
  /// Sets how the model learns, naming the optimizer, loss and metrics as Keras's strings do.
  ///
  ///     try model.compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"])
  ///
  /// The named optimizer gets Keras's default settings; create one with `.adam(learningRate:)` and
  /// use the other `compile` for your own.
  ///
  /// - Throws: `ModelError.invalidArgument` naming an unknown optimizer, loss or metric.
  public func compile(optimizer: String, loss: String, metrics: [String] = []) throws {
    compile(
      optimizer: try Optimizer.named(optimizer), loss: try Loss.named(loss), metrics: try metrics.map(Metric.named))
  }
}

extension Optimizer {
  /// The names `named(_:)` knows, in Keras's spelling.
  public static let knownNames = ["adam", "sgd", "rmsprop"]

  /// A new optimizer with Keras's defaults, by its Keras name (`"adam"`, `"sgd"`, `"rmsprop"`, in
  /// any case).
  ///
  /// - Throws: `ModelError.invalidArgument` for a name it does not know.
  public static func named(_ name: String) throws -> Optimizer {
    switch name.lowercased() {
    case "adam": return .adam()
    case "sgd": return .sgd()
    case "rmsprop": return .rmsprop()
    default: throw ModelError.unknownName(name, of: "optimizer", known: knownNames)
    }
  }
}

extension Loss {
  /// The names `named(_:)` knows, in Keras's spelling.
  public static let knownNames = [
    "sparse_categorical_crossentropy", "categorical_crossentropy", "binary_crossentropy", "mean_squared_error",
  ]

  /// The loss with a Keras name (`"sparse_categorical_crossentropy"`, or `"mse"` for the mean
  /// squared error), on probabilities.
  ///
  /// - Throws: `ModelError.invalidArgument` for a name it does not know.
  public static func named(_ name: String) throws -> Loss {
    let key = name.lowercased() == "mse" ? Kind.meanSquaredError.rawValue : name.lowercased()
    guard let kind = Kind(rawValue: key) else { throw ModelError.unknownName(name, of: "loss", known: knownNames) }
    return Loss(kind: kind, fromLogits: false)
  }
}

extension Metric {
  /// The metric with a Keras name: `"accuracy"` (or `"acc"`).
  ///
  /// - Throws: `ModelError.invalidArgument` for a name it does not know.
  public static func named(_ name: String) throws -> Metric {
    guard ["accuracy", "acc"].contains(name.lowercased()) else {
      throw ModelError.unknownName(name, of: "metric", known: ["accuracy"])
    }
    return .accuracy
  }
}

extension ModelError {
  /// The error for a name of a `kind` (optimizer, loss, metric) that is not among `known`.
  static func unknownName(_ name: String, of kind: String, known: [String]) -> ModelError {
    .invalidArgument(
      argument: "The \(kind)", value: "\"\(name)\"",
      requirement: "one of " + known.map { "\"\($0)\"" }.joined(separator: ", "))
  }
}
