import Foundation

/// Every field any message (or line of the class log) may have, as the JSON holds them; absent
/// fields are nil.
struct WireFields: Codable {
  var type: String
  var version: Int?
  var code: String?
  var learner: String?
  var name: String?
  var seq: Int?
  var kind: String?
  var episode: Int?
  var step: Int?
  var of: Int?
  var id: String?
  var right: Bool?
  var passed: Bool?
  var given: String?
  var failing: String?
  var have: Int?
  var reason: String?
  /// When the server received the event, in seconds since 1970 (the class log only).
  var at: Double?

  init(type: String) {
    self.type = type
  }

  /// The fields of an event line, without its number.
  init(event: ProgressEvent) {
    type = "event"
    switch event {
    case .reachedStep(let episode, let step, let total):
      (kind, self.episode, self.step, of) = ("step", episode, step, total)
    case .finishedEpisode(let episode):
      (kind, self.episode) = ("finished", episode)
    case .answered(let id, let right, let given):
      (kind, self.id, self.right, self.given) = ("answer", id, right, given)
    case .checked(let id, let passed, let failing, let given):
      (kind, self.id, self.passed, self.failing, self.given) = ("check", id, passed, failing, given)
    case .sawSolution(let id):
      (kind, self.id) = ("solution", id)
    }
  }

  static func decode(_ line: some Collection<UInt8>, limit: Int = MessageLimits.lineBytes) throws(MessageError)
    -> WireFields
  {
    guard line.count < limit else { throw MessageError("the line is too long") }
    do {
      return try JSONDecoder().decode(WireFields.self, from: Data(line))
    } catch {
      throw MessageError("not a JSON message of this protocol")
    }
  }

  var encoded: [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Encoding these fields cannot fail: they are strings, numbers and booleans.
    return Array((try? encoder.encode(self)) ?? Data("{}".utf8)) + [0x0A]
  }

  // MARK: - Checked fields

  /// The event these fields describe, each field checked against `MessageLimits`.
  func event() throws(MessageError) -> ProgressEvent {
    switch kind {
    case "step":
      let total = try Self.number(of, "of")
      let step = try Self.number(self.step, "step")
      guard step <= total else { throw MessageError("step is past of") }
      return .reachedStep(episode: try Self.number(episode, "episode"), step: step, of: total)
    case "finished":
      return .finishedEpisode(try Self.number(episode, "episode"))
    case "answer":
      guard let right = right else { throw MessageError("an answer needs right") }
      return .answered(question: try Self.id(id), right: right, given: try Self.text(given, "given") ?? "")
    case "check":
      guard let passed = passed else { throw MessageError("a check needs passed") }
      return .checked(
        exercise: try Self.id(id), passed: passed, firstFailure: try Self.text(failing, "failing"),
        given: try Self.text(given, "given"))
    case "solution":
      return .sawSolution(exercise: try Self.id(id))
    default:
      throw MessageError("unknown event kind")
    }
  }

  static func number(_ value: Int?, _ field: String) throws(MessageError) -> Int {
    guard let value, (1...MessageLimits.largestStep).contains(value) else {
      throw MessageError("\(field) must be a number from 1 to \(MessageLimits.largestStep)")
    }
    return value
  }

  static func token(_ value: String?, _ field: String) throws(MessageError) -> String {
    guard let value, (1...MessageLimits.tokenCharacters).contains(value.count),
      value.unicodeScalars.allSatisfy({
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
      })
    else { throw MessageError("\(field) must be letters, digits and dashes") }
    return value
  }

  static func id(_ value: String?) throws(MessageError) -> String {
    guard let value, (1...MessageLimits.idCharacters).contains(value.count),
      value.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 })
    else { throw MessageError("id must be 1 to \(MessageLimits.idCharacters) printable characters") }
    return value
  }

  static func name(_ value: String?) throws(MessageError) -> String {
    guard let value, (1...MessageLimits.nameCharacters).contains(value.count),
      value.utf8.count <= MessageLimits.nameBytes, !hasControls(value)
    else {
      throw MessageError("name must be 1 to \(MessageLimits.nameCharacters) characters, none of them control codes")
    }
    return value
  }

  static func text(_ value: String?, _ field: String) throws(MessageError) -> String? {
    guard let value else { return nil }
    guard value.count <= MessageLimits.textCharacters, value.utf8.count <= MessageLimits.textBytes,
      !hasControls(value)
    else {
      throw MessageError(
        "\(field) must be at most \(MessageLimits.textCharacters) characters, none of them control codes")
    }
    return value
  }

  /// Whether `text` holds a character that acts on a terminal rather than showing a glyph: C0 and
  /// C1 controls, DEL, and the bidirectional overrides and isolates. None can reach the
  /// instructor's terminal, even through `--json`.
  static func hasControls(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      $0.properties.generalCategory == .control || (0x202A...0x202E).contains($0.value)
        || (0x2066...0x2069).contains($0.value)
    }
  }
}
