/// Why a socket could not be opened.
public enum SocketError: Error, Equatable, CustomStringConvertible {
  /// Listening on `port` failed (in use, or not allowed).
  case cannotListen(port: Int, reason: String)
  /// `host` is not an address or a name this machine can resolve.
  case cannotResolve(host: String)
  /// Connecting to `address` failed or took too long.
  case cannotConnect(address: String, reason: String)

  /// Why, in a few words, without what was being done: "Connection refused".
  public var reason: String {
    switch self {
    case .cannotListen(_, let reason), .cannotConnect(_, let reason): return reason
    case .cannotResolve(let host): return "\"\(host)\" is not an address this machine can find"
    }
  }

  public var description: String {
    switch self {
    case .cannotListen(let port, let reason):
      return "Cannot listen on port \(port): \(reason). Choose another with --port (1024 to 65535)."
    case .cannotResolve(let host):
      return "\"\(host)\" is not an address this machine can find. Use the address the instructor wrote up."
    case .cannotConnect(let address, let reason):
      return "Cannot reach the class at \(address): \(reason)."
    }
  }
}
