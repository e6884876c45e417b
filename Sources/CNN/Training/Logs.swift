import TerminalUI

/// The named values reported after a batch or an epoch, in Keras's order (alphabetical, so
/// `accuracy, loss, val_accuracy, val_loss`): what the progress line prints and callbacks read.
public struct Logs: Sequence, Equatable, Sendable, CustomStringConvertible {
  /// The values in order.
  public private(set) var entries: [(name: String, value: Double)]

  /// Creates logs from pairs, kept in the given order.
  public init(_ entries: [(name: String, value: Double)] = []) {
    self.entries = entries
  }

  /// The value called `name`, such as `logs["val_loss"]`, or nil if there is none.
  public subscript(name: String) -> Double? {
    entries.first { $0.name == name }?.value
  }

  /// Returns the entries sorted by name, as Keras 3 reports them.
  func sortedByName() -> Logs {
    Logs(entries.sorted { $0.name < $1.name })
  }

  /// Returns these logs followed by `other`'s.
  func merged(with other: Logs) -> Logs {
    Logs(entries + other.entries)
  }

  /// Returns the logs with every name prefixed, such as `val_` for validation results.
  func prefixed(_ prefix: String) -> Logs {
    Logs(entries.map { (prefix + $0.name, $0.value) })
  }

  /// Iterates over the entries in order.
  public func makeIterator() -> IndexingIterator<[(name: String, value: Double)]> {
    entries.makeIterator()
  }

  /// `loss: 0.6931 - accuracy: 0.5000`
  public var description: String {
    entries.map { "\($0.name): \(ProgressLine.formatValue($0.value))" }.joined(separator: " - ")
  }

  /// Two logs are equal when they hold the same names and values in the same order.
  public static func == (lhs: Logs, rhs: Logs) -> Bool {
    lhs.entries.count == rhs.entries.count
      && zip(lhs.entries, rhs.entries).allSatisfy { $0.name == $1.name && $0.value == $1.value }
  }
}
