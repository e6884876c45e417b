import Testing
import ZlibCodecsTestSupport

@testable import ZlibCodecs

@Suite struct DeflateMatcherTests {
  /// Rebuilds the input from tokens, checking each match is one DEFLATE can express.
  static func replay(_ tokens: [Deflate.Token]) -> [UInt8] {
    var output: [UInt8] = []
    for token in tokens {
      if token.isLiteral {
        output.append(UInt8(token.value))
      } else {
        let distance = Int(token.value)
        precondition((3...258).contains(Int(token.length)) && distance <= min(output.count, 32_768))
        for _ in 0..<Int(token.length) {
          output.append(output[output.count - distance])
        }
      }
    }
    return output
  }

  static let inputs: [[UInt8]] = [
    [],
    [1],
    [1, 1],
    [1, 1, 1, 1],
    DeflateTestData.text,
    Array(repeating: 9, count: 1000),
    DeflateTestData.randomBytes(count: 5000),
    Array(repeatElement(DeflateTestData.randomBytes(count: 300), count: 20).joined()),
    DeflateTestData.smoothSamples(width: 64, height: 48, channels: 3),
  ]

  @Test(arguments: inputs.indices)
  func tokensSpellTheInput(index: Int) {
    let input = Self.inputs[index]
    #expect(Self.replay(Deflate.LZ77Matcher().tokens(for: input)) == input)
  }

  @Test func runOfOneByteBecomesALiteralThenCopiesFromOneBack() {
    let tokens = Deflate.LZ77Matcher().tokens(for: Array(repeating: 9, count: 1 + 258 + 100))
    #expect(tokens == [.literal(9), .match(length: 258, distance: 1), .match(length: 100, distance: 1)])
  }

  @Test func repeatedTextIsFoundAtItsDistance() {
    let tokens = Deflate.LZ77Matcher().tokens(for: Array("abcdefgh-abcdefgh".utf8))
    #expect(tokens.count == 10)
    #expect(tokens.last == .match(length: 8, distance: 9))
  }

  @Test func threeByteMatchesFarBackAreLeftAsLiterals() {
    // "xyz", 5000 random bytes, "xyz": a 3-byte match 5003 back costs more than literals.
    var input = Array("xyz".utf8) + DeflateTestData.randomBytes(count: 5000, seed: 11).map { $0 | 0x80 }
    input += Array("xyz".utf8)
    let tail = Deflate.LZ77Matcher().tokens(for: input).suffix(3)
    #expect(tail.allSatisfy { $0.isLiteral })
  }

  @Test func lazyMatchingPrefersTheLongerMatchOneByteLater() {
    // At the second "a", "abc" matches 11 back, but one byte later "bcdefg" matches 8 back:
    // the lazy matcher sends "a" as a literal and takes the longer match.
    let input = Array("abcXbcdefgYabcdefg".utf8)
    let tokens = Deflate.LZ77Matcher().tokens(for: input)
    #expect(Self.replay(tokens) == input)
    #expect(tokens.suffix(2) == [.literal(UInt8(ascii: "a")), .match(length: 6, distance: 8)])
  }
}
