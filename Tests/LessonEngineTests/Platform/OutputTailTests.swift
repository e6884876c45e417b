import Foundation
import Testing

@testable import LessonEngine

@Suite struct OutputTailTests {
  func tail(limit: Int, of chunks: [String]) -> OutputTail {
    var tail = OutputTail(limit: limit)
    for chunk in chunks {
      Array(chunk.utf8).withUnsafeBytes { tail.append($0) }
    }
    return tail
  }

  @Test func aShortStreamIsKeptWhole() {
    let kept = tail(limit: 100, of: ["one\n", "two\n"])
    #expect(kept.text == "one\ntwo\n")
    #expect(kept.byteCount == 8)
    #expect(kept.droppedByteCount == 0)
  }

  /// 1,000 lines of 6 bytes through a 20-byte tail: every byte is counted, at most 20 are kept,
  /// and the text starts at a whole line.
  @Test func aLongStreamKeepsItsEndFromTheStartOfALineAndCountsEveryByte() {
    let lines = (0..<1000).map { String(format: "l%04d\n", $0) }
    let kept = tail(limit: 20, of: lines)
    #expect(kept.byteCount == 6000)
    #expect(kept.droppedByteCount == 6000 - 20)
    #expect(kept.text == "l0997\nl0998\nl0999\n")
  }

  @Test func oneChunkLargerThanTheLimitKeepsItsEnd() {
    let kept = tail(limit: 4, of: [String(repeating: "a", count: 10) + "\nbc"])
    #expect(kept.byteCount == 13)
    #expect(kept.text == "bc")
  }
}
