import ImageCodecs

extension ZipArchive {
  /// The largest comment an archive may end with, so the end record is within this many bytes
  /// of the end.
  static let endRecordSearchLength = 22 + 0xFFFF

  /// Reads an archive of stored or deflated members from untrusted bytes.
  ///
  /// Everything is checked before it is used: the end record and central directory lie inside
  /// the bytes; each member's local header agrees with the directory, and its bytes lie inside the
  /// archive without overlapping another member's; a deflated member (which Keras does not write,
  /// but a re-zipped file may hold) inflates to no more than it declares, and no more than DEFLATE
  /// can expand its bytes; names are relative paths without `..`, each used once; each CRC-32
  /// matches.
  static func decode(_ bytes: [UInt8]) throws(FormatProblem) -> ZipArchive {
    let reader = LittleEndianReader(bytes: bytes)
    return try FormatProblem.reading {
      let end = try findEndRecord(reader)
      let (diskNumber, directoryDisk) = (try reader.uint16(at: end + 4), try reader.uint16(at: end + 6))
      let (entriesOnDisk, entryCount) = (Int(try reader.uint16(at: end + 8)), Int(try reader.uint16(at: end + 10)))
      let directorySize = Int(try reader.uint32(at: end + 12))
      let directoryStart = Int(try reader.uint32(at: end + 16))
      guard diskNumber == 0, directoryDisk == 0, entriesOnDisk == entryCount else {
        throw FormatProblem("spans several disks, which this reader does not support")
      }
      guard entryCount != 0xFFFF, directoryStart != 0xFFFF_FFFF, directorySize != 0xFFFF_FFFF else {
        throw FormatProblem(
          "uses the ZIP64 extension (over 65,535 members or 4 GiB), which this reader does not support")
      }
      guard directoryStart <= end, directorySize <= end - directoryStart else {
        throw FormatProblem(
          "says its directory lies at bytes \(directoryStart)..<\(directoryStart + directorySize), past its end record at \(end)"
        )
      }

      var members: [Member] = []
      var names = Set<String>()
      var dataRanges: [Range<Int>] = []
      var entry = directoryStart
      for index in 0..<entryCount {
        guard entry + 46 <= directoryStart + directorySize, try reader.uint32(at: entry) == centralHeaderSignature
        else {
          throw FormatProblem("directory entry \(index + 1) of \(entryCount) is missing or damaged")
        }
        let flags = try reader.uint16(at: entry + 8)
        let method = try reader.uint16(at: entry + 10)
        let checksum = try reader.uint32(at: entry + 16)
        let compressedSize = Int(try reader.uint32(at: entry + 20))
        let size = Int(try reader.uint32(at: entry + 24))
        let nameLength = Int(try reader.uint16(at: entry + 28))
        let extraLength = Int(try reader.uint16(at: entry + 30))
        let commentLength = Int(try reader.uint16(at: entry + 32))
        let localHeader = Int(try reader.uint32(at: entry + 42))
        let next = entry + 46 + nameLength + extraLength + commentLength
        guard next <= directoryStart + directorySize else {
          throw FormatProblem("directory entry \(index + 1) runs past the end of the directory")
        }
        let name = try memberName(Array(try reader.slice(at: entry + 46, count: nameLength)), index: index)
        guard names.insert(name).inserted else { throw FormatProblem("holds two members named \(name)") }
        guard flags & 1 == 0 else { throw FormatProblem("member \(name) is encrypted") }
        guard method == 0 && compressedSize == size || method == 8 else {
          throw FormatProblem(
            "member \(name) uses compression method \(method); only stored (0) and deflated (8) members are read")
        }
        // DEFLATE cannot expand data more than 1,032 times, so a larger declared size is a lie.
        guard size <= 1032 * compressedSize + 64 else {
          throw FormatProblem(
            "member \(name) declares \(size) bytes, more than its \(compressedSize) compressed bytes can hold")
        }
        guard localHeader + 30 <= directoryStart, try reader.uint32(at: localHeader) == localHeaderSignature,
          try reader.uint16(at: localHeader + 26) == nameLength
        else {
          throw FormatProblem("member \(name) has no matching local header at byte \(localHeader)")
        }
        let dataStart = localHeader + 30 + nameLength + Int(try reader.uint16(at: localHeader + 28))
        guard dataStart <= directoryStart, compressedSize <= directoryStart - dataStart else {
          throw FormatProblem(
            "member \(name) (\(compressedSize) bytes from byte \(dataStart)) ends past the end of the archive")
        }
        let stored = Array(try reader.slice(at: dataStart, count: compressedSize))
        let data = method == 0 ? stored : try inflate(stored, size: size, name: name)
        guard CRC32.checksum(data) == checksum else {
          throw FormatProblem("member \(name) is damaged: its CRC-32 does not match its bytes")
        }
        dataRanges.append(localHeader..<(dataStart + compressedSize))
        members.append(Member(name: name, bytes: data))
        entry = next
      }
      let sorted = dataRanges.sorted { $0.lowerBound < $1.lowerBound }
      if zip(sorted, sorted.dropFirst()).contains(where: { $0.upperBound > $1.lowerBound }) {
        throw FormatProblem("has members whose bytes overlap")
      }
      return ZipArchive(members: members)
    }
  }

  /// The offset of the end-of-central-directory record: the last signature whose comment ends
  /// exactly at the end of the bytes.
  private static func findEndRecord(_ reader: LittleEndianReader) throws -> Int {
    guard reader.count >= 22 else { throw FormatProblem("is too short to be a ZIP archive (\(reader.count) bytes)") }
    let lowest = max(0, reader.count - endRecordSearchLength)
    for offset in stride(from: reader.count - 22, through: lowest, by: -1)
    where try reader.uint32(at: offset) == endRecordSignature {
      if offset + 22 + Int(try reader.uint16(at: offset + 20)) == reader.count { return offset }
    }
    throw FormatProblem("is not a ZIP archive: it has no end-of-directory record")
  }

  /// The `size` bytes a deflated member holds.
  private static func inflate(_ compressed: [UInt8], size: Int, name: String) throws(FormatProblem) -> [UInt8] {
    let output: [UInt8]
    do {
      output = try Inflate.rawDecompress(compressed, maximumOutputCount: size).output
    } catch {
      throw FormatProblem("member \(name) is damaged: \(error)")
    }
    guard output.count == size else {
      throw FormatProblem("member \(name) inflates to \(output.count) bytes, not the \(size) its directory entry says")
    }
    return output
  }

  /// A member's name, once it is known to be a relative path inside the archive.
  private static func memberName(_ bytes: [UInt8], index: Int) throws(FormatProblem) -> String {
    guard let name = String(validating: bytes, as: UTF8.self), !name.isEmpty else {
      throw FormatProblem("member \(index + 1) has an empty name or one that is not UTF-8")
    }
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    guard !name.hasPrefix("/"), !name.contains("\\"), !name.contains("\0"), !parts.contains(".."),
      !name.contains(":")
    else {
      throw FormatProblem("member name \"\(name)\" points outside the archive's folder")
    }
    return name
  }
}
