import ClassMode
import Foundation

/// The class a learner joined (`lesson class join ADDRESS CODE`), kept in the workspace as a small
/// text file, `class.txt`:
///
///     # The class you joined. `lesson class leave` forgets it.
///     address: 192.168.1.20:7341
///     code: PANDA-42
///     name: Ana
///     learner: 5f0c9a1e7b2d4c88
///
/// `learner` is a random token made when joining: the instructor's server tells learners apart by
/// it, so two who chose the same name stay two.
public struct ClassMembership: Equatable, Sendable {
  /// The instructor's machine, as given to `join`.
  public var host: String
  /// The port it listens on.
  public var port: Int
  /// The class code.
  public var code: ClassCode
  /// The name the learner chose.
  public var name: String
  /// The learner's token.
  public var learner: String

  /// The file's name in the workspace.
  static let fileName = "class.txt"

  /// A membership for the class at `address` ("host:port", or a host alone for the default port),
  /// with a new token.
  ///
  /// - Throws: `ClassJoinError` naming what is wrong with the address, the code or the name.
  public init(address: String, code: String, name: String) throws(ClassJoinError) {
    (host, port) = try Self.hostAndPort(address)
    guard let code = ClassCode(code) else { throw .badCode(code) }
    self.code = code
    do {
      self.name = try ClientMessage.checkedName(name.trimmingCharacters(in: .whitespaces))
    } catch {
      throw .badName(name)
    }
    learner = (0..<16).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
  }

  /// The address as learners type it: "192.168.1.20:7341".
  public var address: String { "\(host):\(port)" }

  /// What the server is told on each connection.
  public var hello: ClientMessage.Hello { ClientMessage.Hello(code: code.text, learner: learner, name: name) }

  /// The membership kept in `workspace`, or nil when the learner has not joined a class (or the
  /// file is damaged: class mode is then off, and `lesson class join` writes a new one).
  public static func kept(in workspace: String) -> ClassMembership? {
    guard let fields = SettingsFile.fields(at: (workspace as NSString).appendingPathComponent(fileName)),
      let address = fields["address"], let code = fields["code"], let name = fields["name"],
      let learner = fields["learner"], var membership = try? ClassMembership(address: address, code: code, name: name),
      (try? ClientMessage.checkedToken(learner)) != nil
    else { return nil }
    membership.learner = learner
    return membership
  }

  /// Writes the membership into `workspace`, replacing any other.
  ///
  /// - Throws: `ClassFileError.cannotWrite` naming the file.
  public func keep(in workspace: String) throws(ClassFileError) {
    let path = (workspace as NSString).appendingPathComponent(Self.fileName)
    let text = """
      # The class you joined. `lesson class leave` forgets it.
      address: \(address)
      code: \(code.text)
      name: \(name)
      learner: \(learner)

      """
    do {
      try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw .cannotWrite(path: path, reason: error.localizedDescription)
    }
  }

  /// The default port of `lesson class start`.
  public static let defaultPort = 7341

  // MARK: - Private helpers

  private static func hostAndPort(_ address: String) throws(ClassJoinError) -> (String, Int) {
    let parts = address.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let host = parts.first, !host.isEmpty, host.count <= 253,
      host.unicodeScalars.allSatisfy({
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-")
      })
    else { throw .badAddress(address) }
    guard parts.count == 2 else { return (String(host), defaultPort) }
    guard let port = Int(parts[1]), (1...65535).contains(port) else { throw .badAddress(address) }
    return (String(host), port)
  }
}
