// The LZ77 half of DEFLATE: turns bytes into literals and back-references ("copy `length` bytes
// from `distance` bytes back"), the way zlib's default level does, in outline:
//
// - Hash chains. `head[h]` is the latest position whose next three bytes hash to `h`, and
//   `previous[p % window]` the position before `p` with the same hash, so walking the chain
//   visits earlier occurrences of the same three bytes, nearest first.
// - A bounded walk. At most `maximumChainLength` candidates are tried per position (a quarter of
//   that once a good match is in hand), and a match of `niceLength` ends the search: natural
//   images have long chains of equal bytes, and an unbounded walk makes compression quadratic.
// - Lazy matching. A match found at `p` is held back for one byte: if `p + 1` starts a longer
//   one, `p` is sent as a literal instead. This gains a few percent at little cost.
//
// The output is the same on every run: the walk is deterministic and ties keep the nearest match.
// The chain walk is most of the encoder's time: the 820 KB of filtered rows of a noisy 640×427 RGB
// image take about 250 ms (release build, 2-core x86-64 Linux VM), against about 150 ms for zlib's
// level 6 from Python on the same machine; a chain of 64 halves the time and adds 1.5% to the size.

extension Deflate {
  /// One step of LZ77 output: a literal byte, or a copy of earlier bytes.
  struct Token: Equatable, CustomStringConvertible {
    /// 0 for a literal; otherwise the match length, 3...258.
    let length: UInt16
    /// The literal byte, or the match distance, 1...32768.
    let value: UInt16

    /// A literal byte.
    static func literal(_ byte: UInt8) -> Token { Token(length: 0, value: UInt16(byte)) }

    /// A copy of `length` bytes from `distance` bytes back.
    static func match(length: Int, distance: Int) -> Token {
      precondition(
        (3...258).contains(length) && (1...32768).contains(distance), "No DEFLATE match \(length)@\(distance)")
      return Token(length: UInt16(length), value: UInt16(distance))
    }

    /// Whether this is a literal byte rather than a match.
    var isLiteral: Bool { length == 0 }

    /// How many input bytes the token stands for.
    var inputByteCount: Int { isLiteral ? 1 : Int(length) }

    /// `lit(byte)` for literals, `<length, distance>` for matches, for test failures.
    var description: String { isLiteral ? "lit(\(value))" : "<\(length), \(value)>" }
  }

  /// Finds repeated byte strings with hash chains; see the header comment of this file.
  struct LZ77Matcher {
    /// How far back a match may reach: DEFLATE's 32 KiB window.
    static let windowSize = 32_768
    /// The shortest match DEFLATE can express.
    static let minimumMatchLength = 3
    /// The longest match DEFLATE can express.
    static let maximumMatchLength = 258
    /// Bits of the hash of three bytes.
    static let hashBits = 15
    /// A three-byte match further back than this usually costs more bits than three literals.
    static let farthestShortMatch = 4_096

    /// The most chain entries tried per position (zlib's level 6 uses 128).
    var maximumChainLength = 128
    /// A match this long ends the chain walk at once.
    var niceLength = 128
    /// A held-back match this long is sent without trying the next position.
    var lazyLength = 16
    /// With a held-back match this long, the next position walks only a quarter of the chain.
    var goodLength = 8

    /// Creates a matcher with zlib-like settings.
    init() {}

    /// Returns the tokens that spell `input`, in order.
    func tokens(for input: [UInt8]) -> [Token] {
      var state = ChainState(input: input)
      var tokens: [Token] = []
      tokens.reserveCapacity(input.count / 2)
      // A match found at `position − 1`, held back to see whether `position` does better.
      var held: (length: Int, distance: Int)? = nil
      var position = 0
      while position < input.count {
        let heldLength = held?.length ?? 0
        var found = (length: 0, distance: 0)
        if heldLength < lazyLength {
          let chain = heldLength >= goodLength ? maximumChainLength / 4 : maximumChainLength
          found = state.longestMatch(at: position, longerThan: max(heldLength, 2), chainLength: chain, nice: niceLength)
        }
        state.insert(position)
        if let match = held {
          if found.length > match.length {
            tokens.append(.literal(input[position - 1]))
            held = found
            position += 1
          } else {
            tokens.append(.match(length: match.length, distance: match.distance))
            // The match began at position − 1, whose hash is in; the rest of it goes in now.
            let end = position - 1 + match.length
            for inside in (position + 1)..<end {
              state.insert(inside)
            }
            held = nil
            position = end
          }
        } else if found.length >= Self.minimumMatchLength {
          held = found
          position += 1
        } else {
          tokens.append(.literal(input[position]))
          position += 1
        }
      }
      if let match = held {
        tokens.append(.match(length: match.length, distance: match.distance))
      }
      return tokens
    }
  }

  /// The hash heads and chains of an `LZ77Matcher` over one input.
  private struct ChainState {
    /// The bytes being matched.
    let input: [UInt8]
    /// The latest position with each hash, or −1.
    var head: [Int32]
    /// For position `p`, stored at `p % windowSize`: the previous position with the same hash.
    var previous: [Int32]

    /// Creates empty chains for `input`.
    init(input: [UInt8]) {
      self.input = input
      head = [Int32](repeating: -1, count: 1 << LZ77Matcher.hashBits)
      previous = [Int32](repeating: -1, count: LZ77Matcher.windowSize)
    }

    /// The hash of the three bytes at `position` (a multiplicative hash, top bits kept).
    @inline(__always)
    func hash(_ position: Int) -> Int {
      let key = UInt32(input[position]) | UInt32(input[position + 1]) << 8 | UInt32(input[position + 2]) << 16
      return Int((key &* 2_654_435_761) >> UInt32(32 - LZ77Matcher.hashBits))
    }

    /// Records that the three bytes at `position` start there (if three bytes remain).
    @inline(__always)
    mutating func insert(_ position: Int) {
      guard position + LZ77Matcher.minimumMatchLength <= input.count else { return }
      let h = hash(position)
      previous[position & (LZ77Matcher.windowSize - 1)] = head[h]
      head[h] = Int32(position)
    }

    /// The longest match for the bytes at `position` that is longer than `shortest`, trying at
    /// most `chainLength` earlier positions; length 0 if there is none.
    func longestMatch(at position: Int, longerThan shortest: Int, chainLength: Int, nice: Int) -> (
      length: Int, distance: Int
    ) {
      let limit = min(LZ77Matcher.maximumMatchLength, input.count - position)
      guard limit >= LZ77Matcher.minimumMatchLength, shortest < limit else { return (0, 0) }
      var bestLength = shortest
      var bestDistance = 0
      var candidate = Int(head[hash(position)])
      var remaining = chainLength
      while candidate >= 0, position - candidate <= LZ77Matcher.windowSize, remaining > 0 {
        remaining -= 1
        // Checking the byte that would make the match longer than the best rules most
        // candidates out with a single comparison.
        if input[candidate + bestLength] == input[position + bestLength] {
          var length = 0
          while length < limit && input[candidate + length] == input[position + length] {
            length += 1
          }
          if length > bestLength {
            bestLength = length
            bestDistance = position - candidate
            if length >= nice || length == limit { break }
          }
        }
        let next = Int(previous[candidate & (LZ77Matcher.windowSize - 1)])
        guard next < candidate else { break }
        candidate = next
      }
      if bestDistance == 0
        || (bestLength == LZ77Matcher.minimumMatchLength
          && bestDistance > LZ77Matcher.farthestShortMatch)
      {
        return (0, 0)
      }
      return (bestLength, bestDistance)
    }
  }
}
