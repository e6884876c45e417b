import Testing

@testable import ZlibCodecs

@Suite struct CRC32Tests {
  /// Inputs and their checksums, computed with Python's zlib:
  ///
  ///     python3 -c "import zlib; print(hex(zlib.crc32(b'123456789')))"
  ///
  /// and likewise for the other inputs (`bytes(range(256))`, `b'\x00' * 32`, `b'\xff' * 4`).
  static let knownChecksums: [(bytes: [UInt8], checksum: UInt32)] = [
    ([], 0x0000_0000),
    (Array("123456789".utf8), 0xCBF4_3926),
    (Array("a".utf8), 0xE8B7_BE43),
    (Array("The quick brown fox jumps over the lazy dog".utf8), 0x414F_A339),
    (Array(0...255), 0x2905_8C73),
    (Array(repeating: 0x00, count: 32), 0x190A_55AD),
    (Array(repeating: 0xFF, count: 4), 0xFFFF_FFFF),
  ]

  @Test(arguments: knownChecksums.indices)
  func checksumMatchesPythonZlib(index: Int) {
    let (bytes, checksum) = Self.knownChecksums[index]
    #expect(CRC32.checksum(bytes) == checksum)
  }

  @Test func continuingFromAChecksumEqualsChecksummingEverythingAtOnce() {
    let bytes = Array("The quick brown fox jumps over the lazy dog".utf8)
    for split in [0, 1, 9, 20, bytes.count] {
      let first = CRC32.checksum(bytes[..<split])
      #expect(CRC32.checksum(bytes[split...], startingWith: first) == 0x414F_A339)
    }
  }

  @Test func sequencesWithoutContiguousStorageGiveTheSameChecksum() {
    let lazyBytes = (0...255).lazy.map { UInt8($0) }
    #expect(lazyBytes.withContiguousStorageIfAvailable { _ in () } == nil)
    #expect(CRC32.checksum(lazyBytes) == 0x2905_8C73)
  }
}
