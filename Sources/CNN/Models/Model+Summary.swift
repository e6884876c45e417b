import Foundation
import TerminalUI
import TextEscaping

extension Model {
  /// Prints a table of the model's layers, the shape of each layer's output and its number of
  /// parameters, then the totals: Keras 3's `model.summary()`, drawn the same way.
  ///
  /// - Parameter lineLength: the table's width; by default Keras's rule, the smaller of 88 and the
  ///   terminal's width minus 4.
  public func summary(lineLength: Int? = nil) {
    let output = TerminalOutput.current
    output.write(
      summaryText(
        lineLength: lineLength ?? Swift.min(88, output.columns - 4), usesUnicode: output.capabilities.usesUnicode))
  }

  /// Returns the text `summary()` prints, for a table `lineLength` characters wide, drawn with
  /// box-drawing characters or, when `usesUnicode` is false, ASCII.
  public func summaryText(lineLength: Int = 76, usesUnicode: Bool = true) -> String {
    let rows = layers.map { layer -> [String] in
      let shape = layer.outputShape.map(ShapeNotation.batched) ?? "?"
      let parameters = layer.isBuilt ? Model.grouped(layer.parameterCount) : "0 (unbuilt)"
      return ["\(layer.name) (\(layer.className))", shape, parameters]
    }
    let table = Table(
      columns: [
        .init("Layer (type)", upTo: 0.45), .init("Output Shape", upTo: 0.80), .init("Param #", upTo: 1, .right),
      ],
      rows: rows, lineLength: lineLength)
    let capabilities = TerminalCapabilities(
      isTerminal: false, colors: .none, width: lineLength, usesUnicode: usesUnicode)
    let trainable = trainableVariables.reduce(0) { $0 + $1.value.scalarCount }
    let frozen = parameterCount - trainable
    let optimizerCount = optimizer?.parameterCount ?? 0
    let optimizerBytes = optimizer?.parameterBytes ?? 0
    var text =
      "Model: \"\(name.escapedForTerminal())\"\n" + table.lines(for: capabilities).joined(separator: "\n") + "\n"
    text +=
      " Total params: \(Model.grouped(parameterCount + optimizerCount)) "
      + "(\(Model.readableSize(4 * parameterCount + optimizerBytes)))\n"
    text += " Trainable params: \(Model.grouped(trainable)) (\(Model.readableSize(4 * trainable)))\n"
    text += " Non-trainable params: \(Model.grouped(frozen)) (\(Model.readableSize(4 * frozen)))\n"
    if optimizer?.isBuilt == true {
      text += " Optimizer params: \(Model.grouped(optimizerCount)) (\(Model.readableSize(optimizerBytes)))\n"
    }
    return text
  }

  /// `18453` → `18,453`, as Python's `f"{n:,}"`.
  package static func grouped(_ number: Int) -> String {
    let digits = Array(String(number.magnitude))
    var result = ""
    for (i, digit) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return (number < 0 ? "-" : "") + result
  }

  /// `73812` → `72.08 KB`: bytes in the largest unit (B, KB, MB…, steps of 1024) below 1024.
  package static func readableSize(_ bytes: Int) -> String {
    var size = Double(bytes)
    for unit in ["B", "KB", "MB", "GB", "TB"] {
      if size / 1024 < 1 { return String(format: "%.2f %@", size, unit) }
      size /= 1024
    }
    return String(format: "%.2f PB", size)
  }
}
