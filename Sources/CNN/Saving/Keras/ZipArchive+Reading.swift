import ZlibCodecs

extension ZipArchive {
  /// The largest comment an archive may end with, so the end record is within this many bytes
  /// of the end.
  static let endRecordSearchLength = 22 + 0xFFFF

  /// Reads an archive of stored or deflated members from untrusted bytes.
  ///
  /// Everything is checked before it is used: the end record and central directory lie inside
  /// the bytes; each member is one `memberLimits` names, declares no more bytes than its limit
  /// there, and (if deflated) no more than DEFLATE can expand its compressed bytes to; its local
  /// header agrees with the directory, and its bytes lie inside the archive without overlapping
  /// another member's; names are relative paths without `..`, each used once. Only then is
  /// anything inflated, each member to no more than it declares, and each CRC-32 checked. So a
  /// small archive whose members inflate to gigabytes (a "ZIP bomb") is refused by name before
  /// any of it is unpacked.
  ///
  /// - Parameter memberLimits: the members the archive may hold, each with the most bytes it may
  ///   hold; by default those of a `.keras` file (`KerasFile.memberLimits`).
  static func decode(_ bytes: [UInt8], memberLimits: [String: Int] = KerasFile.memberLimits) throws(FormatProblem)
    -> ZipArchive
  {
    let reader = LittleEndianReader(bytes: bytes)
    return try FormatProblem.reading {
      let entries = try readDirectory(reader, memberLimits: memberLimits)
      var members: [Member] = []
      for entry in entries {
        let stored = Array(try reader.slice(at: entry.dataStart, count: entry.compressedSize))
        let data = entry.isDeflated ? try inflate(stored, size: entry.size, name: entry.name) : stored
        guard CRC32.checksum(data) == entry.checksum else {
          throw FormatProblem("member \(entry.name) is damaged: its CRC-32 does not match its bytes")
        }
        members.append(Member(name: entry.name, bytes: data))
      }
      return ZipArchive(members: members)
    }
  }

  /// What the central directory and a local header say about one member.
  private struct DirectoryEntry {
    let name: String
    let isDeflated: Bool
    let checksum: UInt32
    let compressedSize: Int
    /// The member's size once inflated.
    let size: Int
    /// The offset of its first stored or compressed byte.
    let dataStart: Int
  }

  /// Reads and checks every directory entry (see `decode`), without reading any member's bytes.
  private static func readDirectory(_ reader: LittleEndianReader, memberLimits: [String: Int]) throws
    -> [DirectoryEntry]
  {
    let end = try findEndRecord(reader)
    let (diskNumber, directoryDisk) = (try reader.uint16(at: end + 4), try reader.uint16(at: end + 6))
    let (entriesOnDisk, entryCount) = (Int(try reader.uint16(at: end + 8)), Int(try reader.uint16(at: end + 10)))
    let directorySize = Int(try reader.uint32(at: end + 12))
    let directoryStart = Int(try reader.uint32(at: end + 16))
    guard diskNumber == 0, directoryDisk == 0, entriesOnDisk == entryCount else {
      throw FormatProblem("spans several disks, which this reader does not support")
    }
    guard entryCount != 0xFFFF, directoryStart != 0xFFFF_FFFF, directorySize != 0xFFFF_FFFF else {
      throw FormatProblem("uses the ZIP64 extension (over 65,535 members or 4 GiB), which this reader does not support")
    }
    guard directoryStart <= end, directorySize <= end - directoryStart else {
      throw FormatProblem(
        "says its directory lies at bytes \(directoryStart)..<\(directoryStart + directorySize), past its end record at \(end)"
      )
    }

    var entries: [DirectoryEntry] = []
    var names = Set<String>()
    var dataRanges: [Range<Int>] = []
    var entry = directoryStart
    for index in 0..<entryCount {
      guard entry + 46 <= directoryStart + directorySize, try reader.uint32(at: entry) == centralHeaderSignature else {
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
      try checkWanted(name, size: size, memberLimits: memberLimits)
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
      dataRanges.append(localHeader..<(dataStart + compressedSize))
      entries.append(
        DirectoryEntry(
          name: name, isDeflated: method == 8, checksum: checksum, compressedSize: compressedSize, size: size,
          dataStart: dataStart))
      entry = next
    }
    let sorted = dataRanges.sorted { $0.lowerBound < $1.lowerBound }
    if zip(sorted, sorted.dropFirst()).contains(where: { $0.upperBound > $1.lowerBound }) {
      throw FormatProblem("has members whose bytes overlap")
    }
    return entries
  }

  /// Refuses a member that `memberLimits` does not name, or that declares more bytes than its
  /// limit, before anything is unpacked.
  private static func checkWanted(_ name: String, size: Int, memberLimits: [String: Int]) throws(FormatProblem) {
    guard let limit = memberLimits[name] else {
      throw FormatProblem(
        "holds a member named \(name), which is not one this file should hold ("
          + memberLimits.keys.sorted().joined(separator: ", ") + "); nothing was unpacked")
    }
    guard size <= limit else {
      throw FormatProblem(
        "member \(name) declares \(size) bytes, more than the \(limit) it may hold here; nothing was unpacked")
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
