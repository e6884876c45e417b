/// Bytes read from a connection, cut into lines at each newline. A line longer than the limit is
/// never held whole: as soon as the bytes without a newline pass it, the buffer says so and the
/// connection is ended, so a 10 MB "line" costs at most `limit` bytes.
struct LineBuffer {
  /// The longest line, newline included.
  let limit: Int
  /// Bytes read and not yet taken as lines.
  private(set) var pending: [UInt8] = []
  /// Where in `pending` the next line starts.
  private var start = 0

  /// Creates an empty buffer for lines of at most `limit` bytes.
  init(limit: Int) {
    self.limit = limit
  }

  /// How many more bytes may be read before the buffer is over its limit.
  var room: Int { max(limit - (pending.count - start), 0) }

  /// Whether the bytes after the last newline are already longer than a line may be.
  var isOverLimit: Bool { pending.count - start >= limit }

  /// Reads into the buffer with `read`, which appends to the array it is given and returns what it
  /// did.
  mutating func read<Outcome>(_ read: (inout [UInt8], Int) -> Outcome) -> Outcome {
    compact()
    return read(&pending, room)
  }

  /// The next whole line, without its newline (and without a carriage return before it); nil when
  /// no whole line has arrived.
  mutating func nextLine() -> ArraySlice<UInt8>? {
    guard let end = pending[start...].firstIndex(of: 0x0A) else { return nil }
    var line = pending[start..<end]
    if line.last == 0x0D { line = line.dropLast() }
    start = end + 1
    return line
  }

  /// Drops the lines already taken.
  private mutating func compact() {
    guard start > 0 else { return }
    pending.removeFirst(start)
    start = 0
  }
}
