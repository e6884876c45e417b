import TextEscaping

/// Why `lesson class join` cannot use what it was given.
public enum ClassJoinError: Error, Equatable, CustomStringConvertible {
  /// The address is not "host:port".
  case badAddress(String)
  /// The code is not a class code.
  case badCode(String)
  /// The name is empty, too long, or holds control characters.
  case badName(String)

  public var description: String {
    switch self {
    case .badAddress(let address):
      return "\"\(address.escapedForTerminal())\" is not an address: type it as the instructor wrote it, "
        + "such as 192.168.1.20:7341."
    case .badCode(let code):
      return "\"\(code.escapedForTerminal())\" is not a class code: it is a word, a dash and a number, "
        + "such as PANDA-421."
    case .badName(let name):
      return "\"\(name.escapedForTerminal())\" cannot be your name in class: use 1 to 40 letters, digits or "
        + "spaces, with --name."
    }
  }
}
