import Foundation
import TerminalUI

/// Saves the model during training, after every epoch or only when a monitored value improves,
/// so that the best model survives overfitting, a crash or Ctrl-C (Keras's `ModelCheckpoint`).
///
///     let checkpoint = ModelCheckpoint(filePath: "best.cnnmodel", saveBestOnly: true)
///     try model.fit(trainingSet, epochs: 20, validationData: validationSet, callbacks: [checkpoint])
///
/// The path may hold placeholders that are filled in at each save, as in Keras:
/// `"model-{epoch:02d}-{val_loss:.2f}.cnnmodel"` becomes `model-03-0.87.cnnmodel`. Epochs count
/// from 1 in file names.
public final class ModelCheckpoint: Callback {
  /// Where to save; may contain `{epoch}` and `{name}` placeholders with formats.
  public let filePath: String
  /// The logged value that decides what "best" means, such as `val_loss`.
  public let monitor: String
  /// Whether to save only when `monitor` improves on the best so far.
  public let saveBestOnly: Bool
  /// Whether smaller or larger values are better.
  public let mode: MonitorMode
  /// Whether to print a line for each decision.
  public let verbose: Bool

  /// The best monitored value so far.
  public private(set) var best: Double
  /// The paths written so far, in order.
  public private(set) var savedPaths: [String] = []
  /// The error of the last save that failed, if any (training goes on; the message is printed).
  public private(set) var lastError: Error?

  private let resolvedMode: MonitorMode

  /// Creates a checkpoint callback. Keras defaults: monitor `val_loss`, save every epoch, mode
  /// `.auto`, silent.
  public init(
    filePath: String, monitor: String = "val_loss", saveBestOnly: Bool = false, mode: MonitorMode = .auto,
    verbose: Bool = false
  ) {
    self.filePath = filePath
    self.monitor = monitor
    self.saveBestOnly = saveBestOnly
    self.mode = mode
    self.verbose = verbose
    self.resolvedMode = mode.resolved(for: monitor)
    self.best = resolvedMode.worstValue
  }

  /// Saves the model if this epoch calls for it; a failed save is reported and training goes on.
  public func onEpochEnd(_ epoch: Int, logs: Logs, model: Model) {
    let path = ModelCheckpoint.fill(filePath, epoch: epoch + 1, logs: logs)
    let output = TerminalOutput.current
    if saveBestOnly {
      guard let current = logs[monitor] else {
        output.writeLine("ModelCheckpoint: \"\(monitor)\" is not in the logs; nothing saved.")
        return
      }
      guard resolvedMode.improves(current, over: best, minDelta: 0) else {
        if verbose { output.writeLine("\nEpoch \(epoch + 1): \(monitor) did not improve from \(formatted(best))") }
        return
      }
      if verbose {
        output.writeLine(
          "\nEpoch \(epoch + 1): \(monitor) improved from \(formatted(best)) to \(formatted(current)), saving model to \(path)"
        )
      }
      best = current
    } else if verbose {
      output.writeLine("\nEpoch \(epoch + 1): saving model to \(path)")
    }
    do {
      try model.save(to: path)
      savedPaths.append(path)
    } catch {
      lastError = error
      output.writeLine("ModelCheckpoint could not save the model: \(error)")
    }
  }

  private func formatted(_ value: Double) -> String {
    value.isInfinite ? (value > 0 ? "inf" : "-inf") : String(format: "%.5f", value)
  }

  /// Replaces `{epoch}`, `{epoch:02d}`, `{val_loss:.2f}` and the like with their values.
  static func fill(_ template: String, epoch: Int, logs: Logs) -> String {
    var result = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      result += rest[..<open]
      let field = rest[rest.index(after: open)..<close]
      let parts = field.split(separator: ":", maxSplits: 1)
      let key = String(parts.first ?? "")
      let format = parts.count > 1 ? "%" + parts[1] : nil
      if key == "epoch" {
        result += String(format: format.map { $0.replacingOccurrences(of: "d", with: "ld") } ?? "%ld", epoch)
      } else if let value = logs[key] {
        result += String(format: format ?? "%f", value)
      } else {
        result += rest[open...close]
      }
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }
}
