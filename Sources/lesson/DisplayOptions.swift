import TerminalUI

/// `--color always|never|auto`, `--width N` and `--height N`, accepted by every command: they override what is
/// detected, so an instructor (or a test) chooses what the output looks like.
struct DisplayOptions: Equatable {
  /// The colour choice: `always`, `never` or `auto` (detect).
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
    default: break
    }
    return capabilities
  }
}
