import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The class's events as they arrived, one JSON line each, in the instructor's workspace:
/// `lesson class report` reads it after the class, and a server started again for the same class
/// (after a crash, or the laptop's lid closed) reads it to carry on where it was.
///
///     {"at":1796653323.5,"learner":"5f0c9a1e7b2d4c88","name":"Ana","type":"hello"}
///     {"at":1796653341.2,"episode":1,"kind":"step","learner":"5f0c9a1e7b2d4c88","name":"Ana","of":20,"seq":1,"step":1,"type":"event"}
public final class ClassLog: @unchecked Sendable {
  /// What reading a log gave.
  public struct Replay: Sendable {
    /// The room as the log leaves it.
    public var room = ClassRoom()
    /// Lines that could not be read (a line cut short by a crash, or edited by hand).
    public var unreadableLines = 0
  }

  /// The times a line may carry: from 1970 to 2100 (a line edited by hand may say anything).
  static let validTimes = 0.0...4_102_444_800

  /// The largest log read: a class of 60 for a day writes about 2 MB.
  public static let byteLimit = 256 << 20

  /// The log's path.
  public let path: String
  private let descriptor: Int32
  private let lock = NSLock()

  /// Opens the log at `path` for appending, creating it (and its folder) if missing.
  ///
  /// - Throws: `ClassFileError.cannotWrite` naming the path and the system's reason.
  public init(appendingTo path: String) throws(ClassFileError) {
    self.path = path
    let folder = (path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: folder, reason: error.localizedDescription)
    }
    descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
  }

  deinit {
    close(descriptor)
  }

  /// Appends what arrived at `time` (seconds since 1970); false when the write failed (a full disk).
  @discardableResult
  public func append(_ arrival: ClassServer.Arrival, at time: Double) -> Bool {
    let bytes = Self.line(for: arrival, at: time)
    return lock.withLock {
      bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }
  }

  /// Reads the log at `path`: nothing when there is no such file.
  ///
  /// - Throws: `ClassFileError` when it cannot be read or is larger than `byteLimit`.
  public static func replay(_ path: String) throws(ClassFileError) -> Replay {
    var replay = Replay()
    guard FileManager.default.fileExists(atPath: path) else { return replay }
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    guard size <= byteLimit else { throw .tooLarge(path: path, byteCount: size, limit: byteLimit) }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .cannotRead(path: path, reason: "it cannot be opened")
    }
    for line in data.split(separator: 0x0A) where !line.isEmpty {
      guard let (arrival, time) = arrival(in: line) else {
        replay.unreadableLines += 1
        continue
      }
      // A line written twice (by hand) is taken once, as the server would.
      if case .event(let learner, _, let numbered) = arrival,
        numbered.number <= replay.room.learners[learner]?.lastNumber ?? 0
      {
        continue
      }
      replay.room.apply(arrival, at: time)
    }
    return replay
  }

  // MARK: - Lines

  /// What arrived at `time`, as the log's line (newline included): also what `lesson class start
  /// --json` prints.
  public static func line(for arrival: ClassServer.Arrival, at time: Double) -> [UInt8] {
    var fields: WireFields
    switch arrival {
    case .joined(let learner, let name):
      fields = WireFields(type: "hello")
      (fields.learner, fields.name) = (learner, name)
    case .event(let learner, let name, let numbered):
      fields = WireFields(event: numbered.event)
      (fields.learner, fields.name, fields.seq) = (learner, name, numbered.number)
    }
    fields.at = time
    return fields.encoded
  }

  private static func arrival(in line: Data) -> (ClassServer.Arrival, Double)? {
    guard let fields = try? WireFields.decode(line, limit: 2 * MessageLimits.lineBytes), let time = fields.at,
      validTimes.contains(time),
      let learner = try? WireFields.token(fields.learner, "learner"), let name = try? WireFields.name(fields.name)
    else { return nil }
    switch fields.type {
    case "hello":
      return (.joined(learner: learner, name: name), time)
    case "event":
      guard let number = fields.seq, number >= 1, MessageLimits.eventNumbers.contains(number),
        let event = try? fields.event()
      else { return nil }
      return (.event(learner: learner, name: name, NumberedEvent(number: number, event: event)), time)
    default:
      return nil
    }
  }
}
