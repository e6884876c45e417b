/// The end of one output stream of a child process: keeps the last `limit` bytes it is given and
/// counts all of them, so a program that prints without end costs a fixed amount of memory and
/// no disk at all.
struct OutputTail {
  /// How many bytes are kept at most.
  let limit: Int
  /// How many bytes were appended in all.
  private(set) var byteCount = 0
  /// The bytes kept so far; up to twice `limit` between trims, so that trimming (a copy) happens
  /// once per `limit` bytes rather than on every append.
  private var kept: [UInt8] = []

  /// Creates an empty tail that keeps at most `limit` bytes.
  init(limit: Int) {
    self.limit = limit
  }

  /// Adds `bytes`, the next ones the stream delivered.
  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    byteCount += bytes.count
    kept.append(contentsOf: bytes.suffix(limit))
    if kept.count > 2 * limit { kept.removeFirst(kept.count - limit) }
  }

  /// How many bytes were dropped from the front.
  var droppedByteCount: Int { byteCount - Swift.min(kept.count, limit) }

  /// The bytes kept, as UTF-8; when some were dropped, from the start of the first whole line.
  var text: String {
    var bytes = kept.suffix(limit)
    if droppedByteCount > 0, let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
      bytes = bytes[bytes.index(after: newline)...]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
