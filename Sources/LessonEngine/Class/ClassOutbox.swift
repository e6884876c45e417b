import ClassMode
import Foundation

/// A learner's events waiting for the instructor's server, in a file in the workspace
/// (`class-outbox.txt`): a line with the next event's number, then one line per event, as sent.
///
///     next: 4
///     {"episode":1,"kind":"step","of":20,"seq":3,"step":2,"type":"event"}
///
/// Every `lesson` process of the workspace adds to it under a lock; one at a time sends from it
/// (`claimSending`). Adding is on the walk's path, so it appends a line and reads only the file's
/// last lines for the number, however many events wait; the sender, on its own thread, rewrites
/// the file as the server takes them. Past `byteLimit` the oldest events are dropped, down to half
/// of it (the server counts the numbers it never saw), so a learner offline all day cannot fill
/// the disk.
final class ClassOutbox: EventOutbox, @unchecked Sendable {
  /// The most bytes kept: about 10,000 steps, thirty workshops' worth.
  static let byteLimit = 1 << 20
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
    lock.withLock {
      try? FileLock.holding(path + ".lock", orThrow: LockFailure.init) { () throws(LockFailure) in
        let next = nextNumber()
        // Past the largest number the protocol allows (two thousand million events) they are dropped.
        guard next < Int(Int32.max) else { return }
        let size = append(ClientMessage.event(NumberedEvent(number: next, event: event)).line)
        guard size > Self.byteLimit else { return }
        var contents = read()
        var bytes = 0
        let kept = contents.events.reversed().prefix { event in
          bytes += ClientMessage.event(event).line.count
          return bytes <= Self.byteLimit / 2
        }
        contents.events = Array(kept.reversed())
        write(contents)
      }
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
        write(contents)
      }
    }
  }

  /// Replaces the file with `contents` (whole, or not at all).
  private func write(_ contents: Contents) {
    var text = "next: \(contents.next)\n"
    for event in contents.events { text += String(decoding: ClientMessage.event(event).line, as: UTF8.self) }
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// Appends `line` to the file (creating it), after a newline when the file's last line was cut
  /// short, and returns the file's size after.
  private func append(_ line: [UInt8]) -> Int {
    let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return 0 }
    defer { close(descriptor) }
    var last: UInt8 = 0x0A
    let size = lseek(descriptor, 0, SEEK_END)
    if size > 0 { _ = pread(descriptor, &last, 1, size - 1) }
    let bytes = (last == 0x0A ? [] : [0x0A]) + line
    _ = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    return Int(lseek(descriptor, 0, SEEK_END))
  }

  /// The number the next event takes, from the file's last lines alone: one more than the last
  /// event's, or what the `next:` line says when no event follows it. The whole file is read only
  /// when its last lines say nothing (a line cut short by a crash).
  private func nextNumber() -> Int {
    guard let file = FileHandle(forReadingAtPath: path) else { return 1 }
    defer { try? file.close() }
    let size = (try? file.seekToEnd()) ?? 0
    let tail = UInt64(2 * MessageLimits.lineBytes)
    try? file.seek(toOffset: size > tail ? size - tail : 0)
    let lines = ((try? file.readToEnd()) ?? Data()).split(separator: 0x0A)
    // The first line of a tail may be the end of a line cut by the seek.
    for line in lines.dropFirst(size > tail ? 1 : 0).reversed() {
      if let stated = Self.statedNext(line) { return stated }
      if case .event(let numbered)? = try? ClientMessage(line: line) { return numbered.number + 1 }
    }
    return size > tail ? read().next : 1
  }

  /// The number a `next: N` line states, kept within the protocol's numbers.
  private static func statedNext(_ line: Data) -> Int? {
    guard line.starts(with: Array("next: ".utf8)), let next = Int(String(decoding: line.dropFirst(6), as: UTF8.self))
    else { return nil }
    return min(max(next, 1), Int(Int32.max))
  }

  /// What the file holds; a line that cannot be read is skipped. Of a file larger than
  /// `2 * byteLimit` (edited by hand) only the end is read: the oldest events are the ones to go.
  private func read() -> Contents {
    var contents = Contents()
    guard let file = FileHandle(forReadingAtPath: path) else { return contents }
    defer { try? file.close() }
    let size = (try? file.seekToEnd()) ?? 0
    let kept = UInt64(2 * Self.byteLimit)
    try? file.seek(toOffset: size > kept ? size - kept : 0)
    let data = (try? file.readToEnd()) ?? Data()
    for line in data.split(separator: 0x0A) {
      if let next = Self.statedNext(line) {
        contents.next = next
      } else if case .event(let numbered)? = try? ClientMessage(line: line) {
        contents.events.append(numbered)
      }
    }
    contents.next = max(contents.next, (contents.events.last?.number ?? 0) + 1)
    return contents
  }
}
