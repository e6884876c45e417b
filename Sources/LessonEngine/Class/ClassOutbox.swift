import ClassMode
import Foundation

/// A learner's events waiting for the instructor's server, in a file in the workspace
/// (`class-outbox.txt`): a line with the next event's number, then one line per event, as sent.
///
///     next: 4
///     {"episode":1,"kind":"step","of":20,"seq":3,"step":2,"type":"event"}
///
/// Every `lesson` process of the workspace adds to it under a lock; one at a time sends from it
/// (`claimSending`). It holds at most `capacity` events: past that the oldest are dropped (the
/// server counts the numbers it never saw), so a learner offline all day cannot fill the disk.
final class ClassOutbox: EventOutbox, @unchecked Sendable {
  /// The most events kept.
  static let capacity = 2_000
  /// The file's name in the workspace.
  static let fileName = "class-outbox.txt"

  /// The file's path.
  let path: String
  private let lock = NSLock()
  /// The open lock file while this process is the one sending.
  private var sendingLock: Int32?

  /// The outbox of `workspace`.
  init(workspace: String) {
    path = (workspace as NSString).appendingPathComponent(Self.fileName)
  }

  deinit {
    if let sendingLock { close(sendingLock) }
  }

  /// Adds an event, numbering it after the last. A file that cannot be written loses the event:
  /// class mode never stops the walk.
  func add(_ event: ProgressEvent) {
    change { contents in
      // Past the largest number the protocol allows (two thousand million events) they are dropped.
      guard contents.next < Int(Int32.max) else { return }
      contents.events.append(NumberedEvent(number: contents.next, event: event))
      contents.next += 1
      if contents.events.count > Self.capacity { contents.events.removeFirst(contents.events.count - Self.capacity) }
    }
  }

  /// Drops every waiting event (`lesson class leave`, or a join to another class), under the lock
  /// another `lesson` would take to add one.
  func removeAll() {
    lock.withLock {
      try? FileLock.holding(path + ".lock", orThrow: LockFailure.init) { () throws(LockFailure) in
        try? FileManager.default.removeItem(atPath: path)
      }
    }
  }

  /// Every waiting event, oldest first.
  var waiting: [NumberedEvent] { lock.withLock { read().events } }

  // MARK: - EventOutbox

  func claimSending() -> Bool {
    lock.withLock {
      if sendingLock == nil { sendingLock = FileLock.holdIfFree(path + ".sending") }
      return sendingLock != nil
    }
  }

  func releaseSending() {
    lock.withLock {
      if let sendingLock { close(sendingLock) }
      sendingLock = nil
    }
  }

  func events(after have: Int, limit: Int) -> [NumberedEvent] {
    lock.withLock { Array(read().events.lazy.filter { $0.number > have }.prefix(limit)) }
  }

  func serverHolds(upTo have: Int) {
    change { contents in
      contents.events.removeAll { $0.number <= have }
      // After `lesson class leave` and a new join the server may hold more than this file knows.
      contents.next = max(contents.next, min(have, Int(Int32.max) - 1) + 1)
    }
  }

  // MARK: - The file

  /// The lock file could not be opened or locked (with the system's error number).
  private struct LockFailure: Error {
    let number: Int32
  }

  private struct Contents {
    var next = 1
    var events: [NumberedEvent] = []
  }

  private func change(_ apply: (inout Contents) -> Void) {
    lock.withLock {
      try? FileLock.holding(path + ".lock", orThrow: LockFailure.init) { () throws(LockFailure) in
        var contents = read()
        let before = contents.events.count
        let next = contents.next
        apply(&contents)
        guard contents.next != next || contents.events.count != before else { return }
        var text = "next: \(contents.next)\n"
        for event in contents.events { text += String(decoding: ClientMessage.event(event).line, as: UTF8.self) }
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
      }
    }
  }

  /// What the file holds; a line that cannot be read is skipped, and a file much larger than
  /// `capacity` events is read as empty.
  private func read() -> Contents {
    var contents = Contents()
    guard let data = FileManager.default.contents(atPath: path), data.count <= Self.capacity * MessageLimits.lineBytes
    else { return contents }
    for line in data.split(separator: 0x0A) {
      if line.starts(with: Array("next: ".utf8)), let next = Int(String(decoding: line.dropFirst(6), as: UTF8.self)) {
        contents.next = min(max(next, 1), Int(Int32.max))
      } else if case .event(let numbered)? = try? ClientMessage(line: line) {
        contents.events.append(numbered)
      }
    }
    contents.next = max(contents.next, (contents.events.last?.number ?? 0) + 1)
    return contents
  }
}
