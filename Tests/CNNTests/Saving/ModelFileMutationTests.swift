import Testing

@testable import CNN

/// SplitMix64, a small generator whose fixed seed makes every run try the same mutations.
private struct SplitMix64 {
  /// The seed, advanced by every draw.
  var state: UInt64

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound`; `bound` is positive.
  mutating func below(_ bound: Int) -> Int {
    Int(next() % UInt64(bound))
  }

  /// A random byte.
  mutating func byte() -> UInt8 {
    UInt8(truncatingIfNeeded: next())
  }
}

@Suite struct ModelFileMutationTests {
  /// A short name for the shared fixtures.
  typealias Fixtures = ModelFileFixtures
  /// The valid file every mutant starts from.
  static let valid = Fixtures.sampleFile
  /// Where the header of `valid` ends and its tensor data starts.
  static let headerEnd = Fixtures.sampleHeaderEnd

  /// Text spliced into the header in place of a number or a word, chosen to hit the checks.
  static let replacements = [
    "-1", "0", "1", "4", "99999999999999999999", "1099511627776", "9223372036854775807",
    "4611686018427387904", "1e308", "2.0", "\"a\"", "null", "[]", "{}", "[0, 1099511627776]",
    "\"dense/bias\"", ",", "]", "[[[[", "\\u0000",
  ]

  /// `bytes` changed in one of several ways, at places drawn from `random`.
  private static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
    var bytes = bytes
    // Half of the changes fall inside the prefix and header, where the checks are.
    let end = random.below(2) == 0 ? headerEnd : bytes.count
    switch random.below(6) {
    case 0:
      for _ in 0...random.below(4) {
        bytes[random.below(end)] ^= 1 << random.below(8)
      }
    case 1:
      bytes.removeLast(random.below(bytes.count + 1))
    case 2:
      let insertion = (0...random.below(8)).map { _ in random.byte() }
      bytes.insert(contentsOf: insertion, at: random.below(end + 1))
    case 3:
      for _ in 0...random.below(8) {
        bytes[random.below(end)] = random.byte()
      }
    case 4:
      let value = [0, 1, 1 << 62, UInt64(Int.max), .max, UInt64(random.below(2000))][
        random.below(6)]
      let offset = [8, 12, bytes.count - 4][random.below(3)]
      let range = offset..<min(offset + 8, bytes.count)
      bytes.replaceSubrange(range, with: Fixtures.littleEndian(value).prefix(range.count))
    default:
      bytes = spliceIntoHeader(bytes, &random)
    }
    return bytes
  }

  /// `bytes` with a run of digits, lowercase letters and minus signs in the header replaced by
  /// one of `replacements`, and the header length updated to match.
  private static func spliceIntoHeader(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
    let isWordByte = { (byte: UInt8) in
      (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-")
    }
    var start = 20 + random.below(headerEnd - 20)
    while start < headerEnd, !isWordByte(bytes[start]) { start += 1 }
    var stop = start
    while stop < headerEnd, isWordByte(bytes[stop]) { stop += 1 }
    let replacement = Array(replacements[random.below(replacements.count)].utf8)
    var mutated = bytes
    mutated.replaceSubrange(start..<stop, with: replacement)
    let newLength = UInt64(headerEnd - 20 - (stop - start) + replacement.count)
    mutated.replaceSubrange(12..<20, with: Fixtures.littleEndian(newLength))
    return mutated
  }

  @Test func mutatedFilesAreDecodedOrRejectedQuicklyWithoutTrapping() {
    var random = SplitMix64(state: 20_240_601)
    var outcomes: [String: Int] = [:]
    var slowest = Duration.zero
    let clock = ContinuousClock()
    for _ in 0..<20_000 {
      var bytes = Self.mutate(Self.valid, &random)
      if bytes.count >= 4, random.below(2) == 0 {
        bytes = Fixtures.withValidChecksum(bytes)
      }
      let started = clock.now
      let result = Result { () throws(ModelFileError) in
        try ModelFile.decode(bytes, path: "mutant")
      }
      slowest = max(slowest, clock.now - started)
      switch result {
      case .success(let contents):
        outcomes["decoded", default: 0] += 1
        // Whatever is accepted must survive being written and read again.
        #expect(throws: Never.self) {
          let again = try ModelFile.decode(ModelFile.encode(contents), path: "again")
          #expect(Fixtures.bitPatterns(again) == Fixtures.bitPatterns(contents))
        }
      case .failure(let error):
        // Errors are counted by the name of their case.
        outcomes[Mirror(reflecting: error).children.first?.label ?? "\(error)", default: 0] += 1
      }
    }
    #expect(slowest < .seconds(1))
    // Every kind of outcome must come up, the header checks included, or the loop tests little.
    for kind in [
      "decoded", "truncated", "checksumMismatch", "malformedHeader", "notAModelFile",
      "unsupportedVersion", "trailingData",
    ] {
      #expect(outcomes[kind, default: 0] >= 50, "\(kind): \(outcomes)")
    }
  }
}
