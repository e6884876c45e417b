import Foundation

/// What a crashed program's standard error says, in the form the learner needs it.
///
/// Swift writes a runtime error as `Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out
/// of range`, then its backtracer writes the stack, whose frames name the source line
/// (`… main + 317 in exercise at .lesson/exercises/sum.swift:4:8`) because the program is compiled
/// with line tables.
public struct CrashDetails: Equatable, Sendable {
  /// The text after `Fatal error: `, such as `Index out of range`, or nil.
  public var fatalErrorMessage: String?
  /// `file:line` of the innermost stack frame in an exercise source file (a path that does not
  /// start with `/` or `<`, as the program is compiled with the learner's paths), or nil.
  public var location: String?
  /// The last lines of standard error before the backtrace (at most five, blank lines dropped).
  public var lastLines: [String]

  /// The prefix Swift gives an error thrown out of top-level code.
  static let uncaughtErrorPrefix = "Error raised at top level: "

  /// Whether the program stopped because top-level code threw an error nobody caught, rather
  /// than at a runtime error.
  public var isUncaughtError: Bool {
    fatalErrorMessage?.hasPrefix(Self.uncaughtErrorPrefix) ?? false
  }

  /// Whether the program stopped because an allocation failed (Swift's `Fatal error: failed to
  /// allocate N bytes of memory`, or the older `Could not allocate memory`), as it does at the
  /// memory limit.
  public var isAllocationFailure: Bool {
    guard let message = fatalErrorMessage else { return false }
    return message.hasPrefix("failed to allocate ") || message.hasPrefix("Could not allocate memory")
  }

  /// Reads the details from a program's standard error.
  public init(standardError: String) {
    let lines = standardError.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    // The backtracer starts with "*** Signal 4: Backtracing…"; the older runtime report with
    // "Current stack trace:". What precedes it is the program's own error output.
    let backtraceStart =
      lines.firstIndex { $0.hasPrefix("*** ") || $0.hasPrefix("💣") || $0.hasPrefix("Current stack trace:") }
      ?? lines.endIndex
    let before = lines[..<backtraceStart].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    lastLines = Array(before.suffix(5))
    fatalErrorMessage =
      before.reversed().lazy.compactMap { line in
        line.range(of: "Fatal error: ").map { String(line[$0.upperBound...]) }
      }.first
    location = lines[backtraceStart...].lazy.compactMap(Self.sourceLocation(inFrame:)).first
  }

  /// `path:line` from a backtrace frame that ends `at path:line:column`, when the path is an
  /// exercise file (relative, not the runtime's `/…` or `<compiler-generated>`).
  static func sourceLocation(inFrame line: String) -> String? {
    guard let at = line.range(of: " at ", options: .backwards) else { return nil }
    let location = line[at.upperBound...].split(separator: ":")
    guard location.count >= 3, let first = location.first, !first.hasPrefix("/"), !first.hasPrefix("<"),
      Int(location[location.count - 1]) != nil, let lineNumber = Int(location[location.count - 2])
    else { return nil }
    return location.dropLast(2).joined(separator: ":") + ":\(lineNumber)"
  }
}
