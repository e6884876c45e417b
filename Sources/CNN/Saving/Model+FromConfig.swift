// Rebuilding a model from Keras's serialised form (`kerasConfig`): Sequential models and
// functional chains, then the compile settings.

extension Model {
  /// Returns a built, unweighted model from `kerasConfig`'s form, compiled if the config says how.
  ///
  /// - Throws: `ConfigProblem` naming what is missing, malformed or unsupported.
  static func make(fromKerasConfig wrapper: JSONObject) throws(ConfigProblem) -> Model {
    let className = try ConfigReader(wrapper, owner: "the model").string("class_name")
    let config = try ConfigReader(wrapper["config"], owner: "the model")
    let name = try config.string("name")
    guard let layerList = config.config["layers"]?.arrayValue, !layerList.isEmpty else {
      throw ConfigProblem(detail: "model \"\(name)\" lists no layers")
    }
    guard layerList.count <= 10_000 else { throw ConfigProblem(detail: "model \"\(name)\" lists too many layers") }
    var layers: [Layer] = []
    for entry in layerList {
      let entryReader = try ConfigReader(entry, owner: "a layer of model \"\(name)\"")
      let layerClass = try entryReader.string("class_name")
      guard let layerConfig = entryReader.config["config"]?.objectValue else {
        throw ConfigProblem(detail: "the \(layerClass) layer of model \"\(name)\" has no config")
      }
      layers.append(try Layer.make(className: layerClass, config: layerConfig))
    }
    if className == "Functional" { try checkChain(layerList, of: name) }
    let model: Model
    do {
      switch className {
      case "Sequential":
        model = try Sequential(layers, name: name)
      case "Functional":
        guard let input = layers.first as? Input else {
          throw ConfigProblem(detail: "functional model \"\(name)\" does not start with an InputLayer")
        }
        var output = input.output
        for layer in layers.dropFirst() { output = try layer(output) }
        model = try Model(inputs: input, outputs: output, name: name)
      default:
        throw ConfigProblem(
          detail: "the model is a \(className), which this library does not have", unsupportedClass: className)
      }
    } catch let problem as ConfigProblem {
      throw problem
    } catch {
      throw ConfigProblem(detail: "model \"\(name)\" cannot be built: \(error)")
    }
    // Keras writes `"compile_config": {}` (older releases `null`) for a model never compiled.
    if let compile = wrapper["compile_config"]?.objectValue, compile.count > 0 {
      try model.compile(fromKerasConfig: compile)
    }
    return model
  }

  /// Checks that each layer of a functional config takes the previous one's output: the only
  /// shape of functional model this library builds.
  private static func checkChain(_ layerList: [JSONValue], of name: String) throws(ConfigProblem) {
    var previous: String?
    for entry in layerList {
      let layerName = entry["config"]?["name"]?.stringValue ?? "?"
      let nodes = entry["inbound_nodes"]?.arrayValue ?? []
      let sources = nodes.flatMap { $0["args"]?.arrayValue ?? [] }.map {
        $0["config"]?["keras_history"]?.arrayValue?.first?.stringValue
      }
      let expected = previous.map { [$0] } ?? []
      guard sources == expected else {
        throw ConfigProblem(
          detail: "layer \"\(layerName)\" of functional model \"\(name)\" does not simply follow the layer before it; "
            + "this library builds chains of layers only")
      }
      previous = layerName
    }
  }

  /// Compiles the model as Keras's `compile_config` says.
  private func compile(fromKerasConfig config: JSONObject) throws(ConfigProblem) {
    let optimizerWrapper = try ConfigReader(config["optimizer"], owner: "the optimizer")
    let optimizer = try Optimizer.make(
      className: try optimizerWrapper.string("class_name"),
      config: try ConfigReader(optimizerWrapper.config["config"], owner: "the optimizer"))
    let loss = try Loss(kerasConfig: config["loss"])
    var metrics: [Metric] = []
    for metric in config["metrics"]?.arrayValue ?? [] {
      guard let name = metric.stringValue, ["accuracy", "acc"].contains(name) else {
        throw ConfigProblem(detail: "the metric \(metric.serialized()) is not one this library has (it has accuracy)")
      }
      metrics.append(.accuracy)
    }
    compile(optimizer: optimizer, loss: loss, metrics: metrics)
  }
}

extension Optimizer {
  /// Returns a new optimizer of Keras's class `className` with the settings in `config`.
  static func make(className: String, config: ConfigReader) throws(ConfigProblem) -> Optimizer {
    let learningRate = try config.float("learning_rate")
    switch className {
    case "Adam":
      try config.require("amsgrad", isAbsentOr: false)
      return Adam(
        learningRate: learningRate, beta1: try config.float("beta_1", default: 0.9),
        beta2: try config.float("beta_2", default: 0.999), epsilon: try config.float("epsilon", default: 1e-7))
    case "SGD":
      return SGD(
        learningRate: learningRate, momentum: try config.float("momentum", default: 0),
        nesterov: try config.bool("nesterov", default: false))
    case "RMSprop":
      return RMSprop(
        learningRate: learningRate, rho: try config.float("rho", default: 0.9),
        momentum: try config.float("momentum", default: 0), epsilon: try config.float("epsilon", default: 1e-7),
        centered: try config.bool("centered", default: false))
    default:
      throw ConfigProblem(
        detail: "the optimizer is a \(className), which this library does not have", unsupportedClass: className)
    }
  }
}

extension Loss {
  /// Reads a loss saved by name (`"sparse_categorical_crossentropy"`) or as a Keras loss object.
  init(kerasConfig value: JSONValue?) throws(ConfigProblem) {
    if let name = value?.stringValue, let kind = Kind(rawValue: name) {
      self.init(kind: kind, fromLogits: false)
      return
    }
    let wrapper = try ConfigReader(value, owner: "the loss")
    let className = try wrapper.string("class_name")
    guard
      let kind = [Kind.sparseCategoricalCrossentropy, .categoricalCrossentropy, .binaryCrossentropy, .meanSquaredError]
        .first(where: { $0.className == className })
    else {
      throw ConfigProblem(
        detail: "the loss is a \(className), which this library does not have", unsupportedClass: className)
    }
    let config = try ConfigReader(wrapper.config["config"], owner: "the loss")
    self.init(kind: kind, fromLogits: try config.bool("from_logits", default: false))
  }
}
