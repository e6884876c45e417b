import Testing

@testable import ClassMode

@Suite struct LineBufferTests {
  @Test func cutsLinesAtNewlinesAndDropsACarriageReturn() {
    var buffer = LineBuffer(limit: 64)
    _ = buffer.read { pending, room in
      pending += Array("one\r\ntwo\nthr".utf8)
      return room
    }
    #expect(buffer.nextLine().map { Array($0) } == Array("one".utf8))
    #expect(buffer.nextLine().map { Array($0) } == Array("two".utf8))
    #expect(buffer.nextLine() == nil)
    #expect(!buffer.isOverLimit)
    buffer.read { pending, _ in pending += Array("ee\n".utf8) }
    #expect(buffer.nextLine().map { Array($0) } == Array("three".utf8))
  }

  @Test func neverOffersRoomPastItsLimit() {
    var buffer = LineBuffer(limit: 16)
    var offered: [Int] = []
    // A "line" of 10 MB arriving: the reader is offered room only up to the limit.
    for _ in 0..<4 {
      buffer.read { pending, room in
        offered.append(room)
        pending += repeatElement(UInt8(ascii: "x"), count: room)
      }
    }
    #expect(offered == [16, 0, 0, 0])
    #expect(buffer.nextLine() == nil)
    #expect(buffer.isOverLimit)
    #expect(buffer.pending.count == 16)
  }
}
