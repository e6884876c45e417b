// The model's architecture as Keras writes it in `config.json`: the same class names, keys and
// nesting, so a Keras user recognises it and a later version can exchange files with Keras.

extension Model {
  /// The model's architecture and training settings in Keras's serialised form:
  /// `{"module": "keras", "class_name": "Sequential", "config": {…}, …, "compile_config": {…}}`.
  public var kerasConfig: JSONObject {
    var wrapper: JSONObject = [
      // Keras names the module of a functional model by its source file.
      "module": className == "Sequential" ? "keras" : "keras.src.models.functional",
      "class_name": .string(className),
      "config": .object(className == "Sequential" ? sequentialConfig : functionalConfig),
      "registered_name": className == "Sequential" ? nil : .string(className),
      "build_config": ["input_shape": inputShape.map(Model.batchShape) ?? nil],
    ]
    if let compileConfig { wrapper["compile_config"] = .object(compileConfig) }
    return wrapper
  }

  /// `[32, 32, 3]` → `[null, 32, 32, 3]`: a shape with a free batch size, as Keras saves it.
  static func batchShape(_ itemShape: [Int]) -> JSONValue {
    .array([nil] + itemShape.map { .integer($0) })
  }

  private var sequentialConfig: JSONObject {
    var layerList: [JSONValue] = []
    if let shape = inputShape {
      layerList.append(.object(Model.wrap(input ?? Input(shape: shape, name: "input_layer"), extra: [:])))
    }
    for layer in computingLayers {
      layerList.append(.object(Model.wrap(layer, extra: [:])))
    }
    var config: JSONObject = [
      "name": .string(name),
      "trainable": true,
      "dtype": Layer.float32Policy,
      "layers": .array(layerList),
    ]
    if let shape = inputShape { config["build_input_shape"] = Model.batchShape(shape) }
    return config
  }

  private var functionalConfig: JSONObject {
    var previous: Layer?
    let layerList = layers.map { layer -> JSONValue in
      var inboundNodes: [JSONValue] = []
      if let source = previous, let shape = source.outputShape {
        let tensor: JSONValue = [
          "class_name": "__keras_tensor__",
          "config": [
            "shape": Model.batchShape(shape), "dtype": "float32", "keras_history": [.string(source.name), 0, 0],
          ],
        ]
        inboundNodes = [["args": [tensor], "kwargs": [:]]]
      }
      previous = layer
      return .object(Model.wrap(layer, extra: ["name": .string(layer.name), "inbound_nodes": .array(inboundNodes)]))
    }
    return [
      "name": .string(name),
      "trainable": true,
      "layers": .array(layerList),
      // One input and one output: Keras writes each as a single [name, node, tensor] triple.
      "input_layers": [.string(layers.first?.name ?? ""), 0, 0],
      "output_layers": [.string(layers.last?.name ?? ""), 0, 0],
    ]
  }

  /// One layer in Keras's wrapper: module, class name, config, build config, then `extra`.
  private static func wrap(_ layer: Layer, extra: JSONObject) -> JSONObject {
    var wrapper: JSONObject = [
      "module": "keras.layers",
      "class_name": .string(layer.className),
      "config": .object(layer.config),
      "registered_name": nil,
    ]
    if !(layer is Input), let shape = layer.inputShape {
      wrapper["build_config"] = ["input_shape": batchShape(shape)]
    }
    for (key, value) in extra { wrapper[key] = value }
    return wrapper
  }

  /// What `compile` set, as Keras's `compile_config`; nil before `compile`.
  private var compileConfig: JSONObject? {
    guard let optimizer, let loss else { return nil }
    return [
      "optimizer": [
        "module": "keras.optimizers",
        "class_name": .string(optimizer.className),
        "config": .object(optimizer.config),
        "registered_name": nil,
      ],
      "loss": loss.config,
      "loss_weights": nil,
      "metrics": .array(metrics.map { .string($0.name) }),
      "weighted_metrics": nil,
      "run_eagerly": false,
      "steps_per_execution": 1,
      "jit_compile": false,
    ]
  }
}

extension Loss {
  /// How Keras saves this loss: its name, or the loss object when it takes logits.
  var config: JSONValue {
    guard fromLogits else { return .string(kind.rawValue) }
    var config: JSONObject = [
      "name": .string(kind.rawValue),
      "reduction": "sum_over_batch_size",
      "from_logits": true,
    ]
    if kind == .sparseCategoricalCrossentropy { config["ignore_class"] = nil }
    return [
      "module": "keras.losses",
      "class_name": .string(kind.className),
      "config": .object(config),
      "registered_name": nil,
    ]
  }
}

extension Loss.Kind {
  /// Keras's class for this loss: `SparseCategoricalCrossentropy`.
  var className: String {
    switch self {
    case .sparseCategoricalCrossentropy: return "SparseCategoricalCrossentropy"
    case .categoricalCrossentropy: return "CategoricalCrossentropy"
    case .binaryCrossentropy: return "BinaryCrossentropy"
    case .meanSquaredError: return "MeanSquaredError"
    }
  }
}
