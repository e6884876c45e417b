extension Inflate {
  /// The bytes decompressed so far, which are also the window that DEFLATE's back-references
  /// copy from, with a hard cap on how many there may be.
  ///
  /// The array grows by doubling, up to the cap, so a stream that claims a huge output costs
  /// memory only as it really produces bytes.
  struct OutputWindow {
    /// The decompressed bytes: the first `count` are real, the rest is room to grow.
    private var bytes: [UInt8]
    /// How many bytes have been decompressed.
    private(set) var count = 0
    /// The most bytes the stream may decompress to.
    let limit: Int

    /// Creates an empty window that may grow to `limit` bytes, starting with room for
    /// `initialCapacity` (at most `limit`).
    init(limit: Int, initialCapacity: Int) {
      self.limit = limit
      self.bytes = [UInt8](repeating: 0, count: min(limit, max(0, initialCapacity)))
    }

    /// Appends one decoded byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) throws(InflateError) {
      if count == bytes.count { try makeRoom(for: 1) }
      bytes[count] = byte
      count += 1
    }

    /// Appends the bytes of a stored block.
    mutating func append(contentsOf newBytes: ArraySlice<UInt8>) throws(InflateError) {
      try makeRoom(for: newBytes.count)
      bytes.replaceSubrange(count..<count + newBytes.count, with: newBytes)
      count += newBytes.count
    }

    /// Appends `length` bytes copied from `distance` bytes back. When `distance < length` the
    /// copy overlaps the bytes it writes, repeating a short pattern: copying forwards one byte
    /// at a time gives exactly that.
    ///
    /// - Throws: `corrupt` if `distance` reaches before the first byte, or the
    ///   copy would pass the limit.
    @inline(__always)
    mutating func copyMatch(length: Int, distance: Int) throws(InflateError) {
      guard distance <= count else {
        throw .corrupt(
          "a distance of \(distance) bytes back when only \(count) bytes have been decompressed")
      }
      try makeRoom(for: length)
      var source = count - distance
      let end = count + length
      while count < end {
        bytes[count] = bytes[source]
        count += 1
        source += 1
      }
    }

    /// Returns the decompressed bytes, without the spare room.
    consuming func finished() -> [UInt8] {
      bytes.removeSubrange(count...)
      return bytes
    }

    /// Grows `bytes` so that `extra` more fit.
    ///
    /// - Throws: `corrupt` if they would take it past `limit`.
    private mutating func makeRoom(for extra: Int) throws(InflateError) {
      let needed = count + extra
      guard needed > bytes.count else { return }
      guard needed <= limit else {
        throw .corrupt(
          "it decompresses to more than the \(limit) bytes expected (a damaged file or a zlib bomb)")
      }
      let newCount = min(limit, max(needed, bytes.count * 2))
      bytes.append(contentsOf: repeatElement(0, count: newCount - bytes.count))
    }
  }
}
