import Foundation
import ZlibCodecs

// A ZIP archive of stored (uncompressed) members, as Python's `zipfile` writes by default and
// Keras uses for `.keras` files (APPNOTE.TXT, sections 4.3 and 4.4). Each member is a local header
// and its bytes; a central directory lists the members again, and an end record says where that
// directory is. Numbers are little-endian. ZipArchive+Reading.swift reads such archives, and
// deflated members too.

/// A ZIP archive's members, in order.
struct ZipArchive: Equatable {
  /// A file in the archive.
  struct Member: Equatable {
    /// The path inside the archive, with `/` between folders.
    var name: String
    /// The file's bytes.
    var bytes: [UInt8]
  }

  /// The members, in the order they are stored.
  var members: [Member]

  /// The bytes of the named member, if there is one.
  subscript(name: String) -> [UInt8]? {
    members.first { $0.name == name }?.bytes
  }

  static let localHeaderSignature: UInt32 = 0x0403_4B50
  static let centralHeaderSignature: UInt32 = 0x0201_4B50
  static let endRecordSignature: UInt32 = 0x0605_4B50
  /// Version 2.0 of the format: what stored members and folders need.
  static let versionNeeded: UInt16 = 20

  /// The bytes of the archive, each member stored with its CRC-32 and dated `date`.
  ///
  /// - Precondition: fewer than 65,535 members, each under 4 GiB with a name under 64 KiB (the
  ///   limits of the format without its 64-bit extension).
  func encoded(date: Date = Date()) -> [UInt8] {
    precondition(members.count < 0xFFFF, "A ZIP archive here holds fewer than 65,535 members")
    let (time, day) = ZipArchive.dosTimeAndDate(date)
    var archive = LittleEndianWriter()
    var directory = LittleEndianWriter()
    for member in members {
      let name = Array(member.name.utf8)
      precondition(name.count < 0xFFFF && member.bytes.count < 0xFFFF_FFFF, "ZIP member \(member.name) is too large")
      let checksum = CRC32.checksum(member.bytes)
      let localHeader = archive.count
      archive.append(ZipArchive.localHeaderSignature)
      archive.append(ZipArchive.versionNeeded)
      appendCommonFields(to: &archive, time: time, day: day, checksum: checksum, size: member.bytes.count, name: name)
      archive.append(contentsOf: name)
      archive.append(contentsOf: member.bytes)

      directory.append(ZipArchive.centralHeaderSignature)
      directory.append(UInt16(0x0314))  // made by: Unix, version 2.0
      directory.append(ZipArchive.versionNeeded)
      appendCommonFields(to: &directory, time: time, day: day, checksum: checksum, size: member.bytes.count, name: name)
      directory.append(UInt16(0))  // comment length
      directory.append(UInt16(0))  // disk number
      directory.append(UInt16(0))  // internal attributes
      directory.append(UInt32(0o100644) << 16)  // a regular file, rw-r--r--
      directory.append(UInt32(localHeader))
      directory.append(contentsOf: name)
    }
    let directoryOffset = archive.count
    archive.append(contentsOf: directory.bytes)
    archive.append(ZipArchive.endRecordSignature)
    archive.append(UInt16(0))  // this disk
    archive.append(UInt16(0))  // the disk where the directory starts
    archive.append(UInt16(members.count))
    archive.append(UInt16(members.count))
    archive.append(UInt32(directory.count))
    archive.append(UInt32(directoryOffset))
    archive.append(UInt16(0))  // comment length
    return archive.bytes
  }

  /// The fields a local header and a central directory entry share, from "flags" to "extra
  /// field length".
  private func appendCommonFields(
    to writer: inout LittleEndianWriter, time: UInt16, day: UInt16, checksum: UInt32, size: Int, name: [UInt8]
  ) {
    writer.append(UInt16(1 << 11))  // flags: the name is UTF-8
    writer.append(UInt16(0))  // stored
    writer.append(time)
    writer.append(day)
    writer.append(checksum)
    writer.append(UInt32(size))  // compressed size
    writer.append(UInt32(size))  // uncompressed size
    writer.append(UInt16(name.count))
    writer.append(UInt16(0))  // extra field length
  }

  /// MS-DOS time (2-second steps) and date (years from 1980) of `date` in UTC.
  static func dosTimeAndDate(_ date: Date) -> (time: UInt16, date: UInt16) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    let year = min(max((parts.year ?? 1980) - 1980, 0), 127)
    let time = (parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2
    let day = year << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1)
    return (UInt16(time), UInt16(day))
  }
}
