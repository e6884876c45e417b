import TerminalUI

/// `--color always|never|auto|16|256|24bit`, `--width N` and `--height N`, accepted by every
/// command: they override what is detected, so an instructor (or a test) chooses what the output
/// looks like.
struct DisplayOptions: Equatable {
  /// The colour choice: `always`, `never`, `auto` (detect), or a number of colours to use
  /// whatever is detected: `16`, `256` or `24bit`.
  var color = "auto"
  /// The width in columns, or nil to detect.
  var width: Int?
  /// The height in rows, or nil to detect.
  var height: Int?

  /// Removes the display options (`CommandTable.displayOptions`) from `arguments` and returns them
  /// with what is left.
  static func extract(from arguments: [String]) throws(UsageError) -> (DisplayOptions, [String]) {
    var parsed = ParsedArguments()
    var rest: [String] = []
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      if let option = CommandTable.displayOptions.first(where: { $0.isNamed(argument) }) {
        try CommandLineReader.read(option, typedAs: argument, from: &remaining, in: "", into: &parsed)
      } else {
        rest.append(argument)
      }
    }
    var options = DisplayOptions()
    if let color = parsed.text("--color") { options.color = color }
    options.width = parsed.number("--width")
    options.height = parsed.number("--height")
    return (options, rest)
  }

  /// `detected`, with the choices made here applied.
  func applied(to detected: TerminalCapabilities) -> TerminalCapabilities {
    var capabilities = detected
    if let width { capabilities.width = width }
    if let height { capabilities.height = height }
    switch color {
    case "never": capabilities.colors = .none
    case "always" where capabilities.colors == .none: capabilities.colors = .trueColor
    case "16": capabilities.colors = .palette16
    case "256": capabilities.colors = .palette256
    case "24bit": capabilities.colors = .trueColor
    default: break
    }
    return capabilities
  }
}
