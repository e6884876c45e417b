import ClassMode
import Foundation
import Testing

@testable import LessonEngine

@Suite struct ClassMembershipTests {
  @Test func aMembershipIsKeptAndReadBack() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("member-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let membership = try ClassMembership(address: "192.168.1.20:7400", code: "panda-421", name: " Zoë ")
    #expect(membership.code.text == "PANDA-421" && membership.name == "Zoë" && membership.port == 7400)
    #expect(membership.learner.count == 16)
    try membership.keep(in: folder)
    #expect(ClassMembership.kept(in: folder) == membership)
    #expect(try ClassMembership(address: "teacher.local", code: "OWL-1", name: "x").address == "teacher.local:7341")
  }

  @Test(arguments: [
    ("192.168.1.20:99999", "PANDA-421", "Ana", "not an address"),
    ("http://x:1", "PANDA-421", "Ana", "not an address"),
    ("", "PANDA-421", "Ana", "not an address"),
    ("10.0.0.1:7341", "PANDA", "Ana", "not a class code"),
    ("10.0.0.1:7341", "PANDA-421", "", "cannot be your name"),
    ("10.0.0.1:7341", "PANDA-421", "A\u{1B}[2J", "cannot be your name"),
  ])
  func whatCannotBeRightIsNamedWithWhatToType(address: String, code: String, name: String, message: String) {
    #expect {
      try ClassMembership(address: address, code: code, name: name)
    } throws: { error in
      "\(error)".contains(message) && !"\(error)".contains("\u{1B}")
    }
  }

  @Test func aDamagedFileMeansNoClass() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("member-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "address: 10.0.0.1:7341\ncode: PANDA-421\n".write(
      toFile: (folder as NSString).appendingPathComponent("class.txt"), atomically: true, encoding: .utf8)
    #expect(ClassMembership.kept(in: folder) == nil)
  }
}
