import TerminalUI

/// `--color always|never|auto` and `--width N`, accepted by every command: they override what is
/// detected, so an instructor (or a test) chooses what the output looks like.
struct DisplayOptions: Equatable {
  /// The colour choice: `always`, `never` or `auto` (detect).
  var color = "auto"
  /// The width in columns, or nil to detect.
  var width: Int?

  /// Removes the display options from `arguments` and returns them with what is left.
  static func extract(from arguments: [String]) throws(UsageError) -> (DisplayOptions, [String]) {
    var options = DisplayOptions()
    var rest: [String] = []
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      switch argument {
      case "--color", "--colour":
        guard let value = remaining.popFirst() else {
          throw .missingArgument(command: argument, argument: "choice: always, never or auto")
        }
        guard ["always", "never", "auto"].contains(value) else {
          throw .invalidValue(option: argument, value: value, requirement: "always, never or auto")
        }
        options.color = value
      case "--width":
        guard let text = remaining.popFirst() else {
          throw .missingArgument(command: argument, argument: "number of columns, 20 or more")
        }
        guard let value = Int(text), value >= 20 else {
          throw .invalidValue(option: argument, value: text, requirement: "a number of columns, 20 or more")
        }
        options.width = value
      default:
        rest.append(argument)
      }
    }
    return (options, rest)
  }

  /// `detected`, with the choices made here applied.
  func applied(to detected: TerminalCapabilities) -> TerminalCapabilities {
    var capabilities = detected
    if let width { capabilities.width = width }
    switch color {
    case "never": capabilities.colors = .none
    case "always" where capabilities.colors == .none: capabilities.colors = .trueColor
    default: break
    }
    return capabilities
  }
}
