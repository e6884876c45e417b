// Rebuilding layers from their Keras configs, the inverse of each layer's `config`.

extension Layer {
  /// Returns a new, unbuilt layer of the Keras class `className` from its config.
  ///
  /// - Throws: `ConfigProblem` for a class this library does not have, a missing or malformed
  ///   argument, or a Keras option it does not support (dilation, groups, regularizers…).
  static func make(className: String, config: JSONObject) throws(ConfigProblem) -> Layer {
    let reader = ConfigReader(config, owner: "layer \"\(config["name"]?.stringValue ?? "?")\" (\(className))")
    let name = try reader.string("name")
    switch className {
    case "InputLayer":
      return Input(shape: try reader.shape("batch_shape", droppingBatchAxis: true), name: name)
    case "Conv2D":
      try reader.require("data_format", isAbsentOr: "channels_last")
      try reader.require("dilation_rate", isAbsentOr: [1, 1], 1)
      try reader.require("groups", isAbsentOr: 1)
      try requireNoExtras(
        reader,
        ["kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint"])
      return Conv2D(
        filters: try reader.int("filters"), kernelSize: try reader.size2D("kernel_size"),
        strides: try reader.size2D("strides", default: 1), padding: try reader.choice("padding", default: .valid),
        activation: try activation(reader), useBias: try reader.bool("use_bias", default: true), name: name)
    case "Dense":
      try requireNoExtras(
        reader,
        ["kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint"])
      return Dense(
        units: try reader.int("units"), activation: try activation(reader),
        useBias: try reader.bool("use_bias", default: true), name: name)
    case "MaxPooling2D", "AveragePooling2D":
      try reader.require("data_format", isAbsentOr: "channels_last")
      let poolSize = try reader.size2D("pool_size", default: className == "MaxPooling2D" ? 2 : nil)
      let strides = try reader.size2D("strides", default: poolSize)
      let padding: Padding = try reader.choice("padding", default: .valid)
      return className == "MaxPooling2D"
        ? MaxPooling2D(poolSize: poolSize, strides: strides, padding: padding, name: name)
        : AveragePooling2D(poolSize: poolSize, strides: strides, padding: padding, name: name)
    case "GlobalAveragePooling2D":
      try reader.require("data_format", isAbsentOr: "channels_last")
      try reader.require("keepdims", isAbsentOr: false)
      return GlobalAveragePooling2D(name: name)
    case "Flatten":
      try reader.require("data_format", isAbsentOr: "channels_last")
      return Flatten(name: name)
    case "Dropout":
      try reader.require("noise_shape", isAbsentOr: nil)
      let seed = try reader.optionalInt("seed").map { UInt64(truncatingIfNeeded: $0) }
      return Dropout(rate: try reader.float("rate"), seed: seed, name: name)
    case "Rescaling":
      return Rescaling(scale: try reader.float("scale"), offset: try reader.float("offset", default: 0), name: name)
    case "Activation":
      return Activation(try activation(reader), name: name)
    default:
      throw ConfigProblem(
        detail: "layer \"\(name)\" is a \(className), which this library does not have", unsupportedClass: className)
    }
  }

  private static func activation(_ reader: ConfigReader) throws(ConfigProblem) -> ActivationFunction {
    try reader.choice("activation", default: .linear)
  }

  private static func requireNoExtras(_ reader: ConfigReader, _ keys: [String]) throws(ConfigProblem) {
    for key in keys { try reader.require(key, isAbsentOr: nil) }
  }
}
