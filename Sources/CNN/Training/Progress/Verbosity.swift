/// How much `fit`, `evaluate` and `predict` print, as Keras's `verbose` argument: write `0`, `1`
/// or `2`, or leave the default.
public enum Verbosity: Equatable, Sendable, ExpressibleByIntegerLiteral {
  /// A progress bar when the output is a terminal and one line per epoch otherwise (Keras's `"auto"`).
  case auto
  /// Nothing (Keras's `0`).
  case silent
  /// A progress bar redrawn after each batch on a terminal; one line per epoch when the output is a
  /// pipe or a file, which must not fill up with redraws (Keras's `1`).
  case progressBar
  /// One line per epoch, without a bar (Keras's `2`).
  case oneLinePerEpoch

  /// Creates the verbosity Keras means by `0`, `1` or `2`.
  public init(integerLiteral value: Int) {
    switch value {
    case ...0: self = .silent
    case 1: self = .progressBar
    default: self = .oneLinePerEpoch
    }
  }
}
