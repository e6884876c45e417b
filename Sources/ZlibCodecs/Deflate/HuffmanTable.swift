extension Inflate {
  /// A canonical Huffman code (RFC 1951, section 3.2.2) ready for decoding: built from the code
  /// length of each symbol, it reads one symbol at a time from a `BitReader`.
  ///
  /// Two decoders give the same answers. `decodeBitByBit` is the plain one, as in Mark Adler's
  /// `puff.c`: it reads one bit at a time and walks the codes length by length. `decode` is the
  /// fast one: it looks the next `lookupBits` bits up in `lookup`, which says at once which
  /// symbol they start with and how long its code is. Codes longer than `lookupBits`, which
  /// real streams rarely use, fall back to the plain decoder.
  struct HuffmanTable {
    /// How many bits the fast lookup table is indexed by.
    static let lookupBits = 10
    /// The longest code DEFLATE allows.
    static let maximumCodeLength = 15

    /// For every `lookupBits`-bit value, read lowest bit first: `symbol << 4 | codeLength` of
    /// the code it starts with, or 0 when that code is longer than `lookupBits` (or missing).
    private var lookup: [UInt16]
    /// What the code is for, such as "literal/length", for error messages.
    let name: String
    /// How many symbols have a code of each length, 0...15 (entry 0 unused).
    private var countPerLength: [Int]
    /// The symbols that have codes, shortest codes first, in symbol order within each length:
    /// the order in which canonical codes are handed out.
    private var symbolsInCodeOrder: [Int]
    /// The length of the longest code, 0 for an empty code: a bit pattern that is no code by
    /// then is no code at all.
    private var longestCodeLength: Int

    /// Builds the code whose symbol `s` has the code length `codeLengths[s]` (0: no code).
    ///
    /// - Parameters:
    ///   - name: What the code is for, such as "literal/length", used in error messages.
    ///   - allowsSingleCode: Whether a lone code of one bit may stand for the whole alphabet, as
    ///     zlib allows for literal/length and distance codes (but not the code-length code).
    /// - Throws: `InflateError.corrupt` if the lengths promise more codes than
    ///   there are bit patterns (over-subscribed), or leave bit patterns unused (incomplete).
    init(codeLengths: ArraySlice<UInt8>, name: String, allowsSingleCode: Bool = true) throws(InflateError) {
      var counts = [Int](repeating: 0, count: Self.maximumCodeLength + 1)
      for length in codeLengths {
        precondition(Int(length) <= Self.maximumCodeLength, "Huffman code length \(length) is over 15")
        counts[Int(length)] += 1
      }
      counts[0] = 0
      let codeCount = counts.reduce(0, +)
      // Each length doubles the bit patterns available; every code of that length takes one.
      var unusedPatterns = 1
      for length in 1...Self.maximumCodeLength {
        unusedPatterns = unusedPatterns * 2 - counts[length]
        guard unusedPatterns >= 0 else {
          throw .corrupt("the \(name) code lengths describe more codes than bit patterns exist")
        }
      }
      let isLoneOneBitCode = allowsSingleCode && codeCount == 1 && counts[1] == 1
      guard unusedPatterns == 0 || codeCount == 0 || isLoneOneBitCode else {
        throw .corrupt("the \(name) code lengths leave some bit patterns without a code (incomplete)")
      }

      // Sort the symbols by code length, keeping symbol order within a length.
      var nextSlot = [Int](repeating: 0, count: Self.maximumCodeLength + 2)
      for length in 1...Self.maximumCodeLength {
        nextSlot[length + 1] = nextSlot[length] + counts[length]
      }
      var symbols = [Int](repeating: 0, count: codeCount)
      for (symbol, length) in zip(0..., codeLengths) where length > 0 {
        symbols[nextSlot[Int(length)]] = symbol
        nextSlot[Int(length)] += 1
      }

      self.name = name
      self.lookup = Self.makeLookup(countPerLength: counts, symbolsInCodeOrder: symbols)
      self.countPerLength = counts
      self.symbolsInCodeOrder = symbols
      self.longestCodeLength = counts.lastIndex { $0 > 0 } ?? 0
    }

    // MARK: - Decoding

    /// Reads one code from `reader` and returns its symbol, using the lookup table.
    ///
    /// The caller refills `reader` first; the buffer must hold at least 15 bits unless the input
    /// is ending.
    ///
    /// - Throws: `corrupt` for a bit pattern that is no code, `truncated` if the
    ///   input ends inside a code.
    @inline(__always)
    func decode(_ reader: inout BitReader) throws(InflateError) -> Int {
      let entry = Int(lookup[reader.peek(Self.lookupBits)])
      guard entry != 0 else { return try decodeBitByBit(&reader) }
      try reader.consume(entry & 0xF)
      return entry >> 4
    }

    /// Reads one code from `reader` a bit at a time and returns its symbol: the reference
    /// decoder, used for codes longer than the lookup table covers.
    ///
    /// Canonical codes of one length are consecutive numbers, and the first code of each length
    /// follows on from the last code of the length before, shifted left by one bit. So after
    /// reading `length` bits, the code is one of that length exactly when it lies within the
    /// `countPerLength[length]` numbers that start at `firstCode`.
    func decodeBitByBit(_ reader: inout BitReader) throws(InflateError) -> Int {
      var code = 0  // the bits read so far, first bit highest (codes are defined that way)
      var firstCode = 0  // the first code of the current length
      var firstIndex = 0  // where the symbols of the current length start in symbolsInCodeOrder
      for length in stride(from: 1, through: longestCodeLength, by: 1) {
        code |= try reader.readBits(1)
        let count = countPerLength[length]
        if code - firstCode < count {
          return symbolsInCodeOrder[firstIndex + code - firstCode]
        }
        firstIndex += count
        firstCode = (firstCode + count) << 1
        code <<= 1
      }
      throw .corrupt("a bit pattern that is no \(name) code")
    }

    // MARK: - Private helpers

    /// Fills the fast lookup table: each code of up to `lookupBits` bits occupies every entry
    /// whose low bits, reversed, spell the code.
    private static func makeLookup(countPerLength: [Int], symbolsInCodeOrder: [Int]) -> [UInt16] {
      var lookup = [UInt16](repeating: 0, count: 1 << lookupBits)
      var code = 0
      var index = 0
      for length in 1...maximumCodeLength {
        for _ in 0..<countPerLength[length] {
          if length <= lookupBits {
            let entry = UInt16(symbolsInCodeOrder[index] << 4 | length)
            // The stream sends a code's first (highest) bit first, so it lands in the lowest
            // bit of the reader's buffer: the table is indexed by the code reversed.
            var slot = reversed(code, bitCount: length)
            while slot < lookup.count {
              lookup[slot] = entry
              slot += 1 << length
            }
          }
          code += 1
          index += 1
        }
        code <<= 1
      }
      return lookup
    }

    /// Returns the low `bitCount` bits of `value` in reverse order.
    private static func reversed(_ value: Int, bitCount: Int) -> Int {
      var result = 0
      for bit in 0..<bitCount where value & (1 << bit) != 0 {
        result |= 1 << (bitCount - 1 - bit)
      }
      return result
    }
  }
}
