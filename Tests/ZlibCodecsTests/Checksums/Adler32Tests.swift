import Testing

@testable import ZlibCodecs

@Suite struct Adler32Tests {
  /// Checksums from Python's zlib: `python3 -c "import zlib; print(hex(zlib.adler32(b'123456789')))"`,
  /// and likewise `b'Wikipedia'` and `bytes(range(256)) * 40` (10,240 bytes: more than one block).
  static let known: [([UInt8], UInt32)] = [
    (Array("123456789".utf8), 0x091E_01DE),
    (Array("Wikipedia".utf8), 0x11E6_0398),
    ((0..<40).flatMap { _ in (0...255).map(UInt8.init) }, 0xF475_ED1E),
    ([], 1),
  ]

  @Test(arguments: Adler32Tests.known)
  func matchesZlib(_ bytes: [UInt8], _ expected: UInt32) {
    #expect(Adler32.checksum(bytes) == expected)
  }

  @Test func continuingEqualsOneShot() {
    let bytes = Array((0..<40).flatMap { _ in (0...255).map(UInt8.init) })
    let first = Adler32.checksum(bytes[..<7000])
    #expect(Adler32.checksum(bytes[7000...], startingWith: first) == Adler32.checksum(bytes))
  }
}
