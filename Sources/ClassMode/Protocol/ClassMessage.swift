import Foundation

/// What a learner's `lesson` sends the instructor's server, one JSON object a line:
///
///     {"type":"hello","version":1,"code":"PANDA-42","learner":"5f0c9a1e7b2d4c88","name":"Ana"}
///     {"type":"event","seq":1,"kind":"step","episode":1,"step":3,"of":20}
///     {"type":"event","seq":2,"kind":"answer","id":"pixel-count","right":false,"given":"255"}
///     {"type":"event","seq":3,"kind":"check","id":"first-conv","passed":false,"failing":"output shape"}
///     {"type":"event","seq":4,"kind":"solution","id":"first-conv"}
///     {"type":"event","seq":5,"kind":"finished","episode":1}
///
/// The hello comes first on every connection, with the class code. `learner` is a random token made
/// when the learner joined, so two learners who chose the same name stay apart.
public enum ClientMessage: Equatable, Sendable {
  /// The first line of a connection.
  case hello(Hello)
  /// A progress event.
  case event(NumberedEvent)

  /// Who is connecting, and to which class.
  public struct Hello: Equatable, Sendable {
    /// The class code the instructor wrote on the board.
    public var code: String
    /// The learner's token, made when they joined.
    public var learner: String
    /// The name the learner chose.
    public var name: String

    /// Creates a hello.
    public init(code: String, learner: String, name: String) {
      self.code = code
      self.learner = learner
      self.name = name
    }
  }
}

/// What the server answers, one JSON object a line:
///
///     {"type":"welcome","have":4}
///     {"type":"ack","have":5}
///     {"type":"refused","reason":"wrong class code"}
///
/// `have` is the number of the last event the server holds from this learner, with every one
/// before it: the learner sends from the next. A refusal ends the connection.
public enum ServerMessage: Equatable, Sendable {
  /// The hello was accepted.
  case welcome(have: Int)
  /// The server now holds every event up to `have`.
  case acknowledged(have: Int)
  /// The connection is refused, for `reason`, and closed.
  case refused(reason: String)
}

/// The limits every message is checked against before anything in it is used.
public enum MessageLimits {
  /// The longest line, newline included, in bytes; a longer one ends the connection.
  public static let lineBytes = 2_048
  /// The protocol version this program speaks.
  public static let version = 1
  /// The longest name, in characters.
  public static let nameCharacters = 40
  /// The longest name in bytes of UTF-8, so that a name of combining marks cannot make a hello
  /// longer than a line.
  public static let nameBytes = 160
  /// The longest exercise or question id, in characters.
  public static let idCharacters = 64
  /// The longest answer or check name, in characters.
  public static let textCharacters = 200
  /// The longest answer or check name in bytes of UTF-8: two of them and the rest of an event
  /// always fit a line.
  public static let textBytes = 600
  /// The longest learner token and class code, in characters.
  public static let tokenCharacters = 64
  /// The largest episode number, step number and step count.
  public static let largestStep = 9_999
  /// The numbers an event may have, and those a server may say it holds (0: none yet).
  public static let eventNumbers = 0...Int(Int32.max)
}

/// Why a line is not a valid message.
public struct MessageError: Error, Equatable, CustomStringConvertible {
  /// What is wrong, for the refusal sent back.
  public var description: String
  /// The number of the event the line is, when it is a well-formed, well-numbered event whose
  /// content is wrong; nil for anything else.
  public var eventNumber: Int?

  init(_ description: String, eventNumber: Int? = nil) {
    self.description = description
    self.eventNumber = eventNumber
  }
}

// MARK: - Lines

extension ClientMessage {
  /// Reads one line (without its newline), checking every field against `MessageLimits`.
  ///
  /// - Throws: `MessageError` naming what is wrong.
  public init(line: some Collection<UInt8>) throws(MessageError) {
    let wire = try WireFields.decode(line)
    switch wire.type {
    case "hello":
      guard wire.version == MessageLimits.version else {
        throw MessageError("this server speaks version \(MessageLimits.version): update lesson")
      }
      self = .hello(
        Hello(
          code: try WireFields.token(wire.code, "code"), learner: try WireFields.token(wire.learner, "learner"),
          name: try WireFields.name(wire.name)))
    case "event":
      guard let number = wire.seq, number >= 1, MessageLimits.eventNumbers.contains(number) else {
        throw MessageError("an event needs a seq from 1")
      }
      do throws(MessageError) {
        self = .event(NumberedEvent(number: number, event: try wire.event()))
      } catch {
        // A well-numbered event this program cannot take (from another version of lesson, say):
        // the server passes over it by number instead of refusing the learner's whole queue.
        throw MessageError(error.description, eventNumber: number)
      }
    default:
      throw MessageError("unknown message type")
    }
  }

  /// The message as a line, newline included.
  public var line: [UInt8] {
    var wire: WireFields
    switch self {
    case .hello(let hello):
      wire = WireFields(type: "hello")
      wire.version = MessageLimits.version
      (wire.code, wire.learner, wire.name) = (hello.code, hello.learner, hello.name)
    case .event(let numbered):
      wire = WireFields(event: numbered.event)
      wire.seq = numbered.number
    }
    return wire.encoded
  }
}

extension ServerMessage {
  /// Reads one line (without its newline).
  ///
  /// - Throws: `MessageError` when it is not a server message.
  public init(line: some Collection<UInt8>) throws(MessageError) {
    let wire = try WireFields.decode(line)
    switch (wire.type, wire.have, wire.reason) {
    case ("welcome", let have?, _) where MessageLimits.eventNumbers.contains(have): self = .welcome(have: have)
    case ("ack", let have?, _) where MessageLimits.eventNumbers.contains(have): self = .acknowledged(have: have)
    case ("refused", _, let reason?): self = .refused(reason: String(reason.prefix(MessageLimits.textCharacters)))
    default: throw MessageError("not a server message")
    }
  }

  /// The message as a line, newline included.
  public var line: [UInt8] {
    var wire = WireFields(type: "ack")
    switch self {
    case .welcome(let have): (wire.type, wire.have) = ("welcome", have)
    case .acknowledged(let have): wire.have = have
    case .refused(let reason): (wire.type, wire.reason) = ("refused", reason)
    }
    return wire.encoded
  }
}

// MARK: - Checking fields before sending

extension ClientMessage {
  /// `name` when the server would take it as a learner's name (1 to 40 characters, no control
  /// codes).
  ///
  /// - Throws: `MessageError` saying what is wrong.
  public static func checkedName(_ name: String) throws(MessageError) -> String {
    try WireFields.name(name)
  }

  /// `token` when the server would take it as a learner's token (letters, digits and dashes).
  ///
  /// - Throws: `MessageError` saying what is wrong.
  public static func checkedToken(_ token: String) throws(MessageError) -> String {
    try WireFields.token(token, "learner")
  }
}
