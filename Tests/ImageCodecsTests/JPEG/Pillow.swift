import Foundation
import ImageCodecs

/// Decoding with Pillow, which calls libjpeg: a JPEG decoder the team did not write. Tests
/// that need it are skipped, saying what to install, where `python3` has no Pillow (`pip
/// install pillow`); `djpeg` is not needed.
enum Pillow {
  /// The `python3` on the `PATH`, if any.
  static let python: String? = {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    return folders.map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Why Pillow cannot be used and what to install, or nil when it can.
  static let problem: String? = {
    guard python != nil else { return "python3 is not installed: install Python 3, then pip install pillow" }
    guard let status = try? run(["-c", "import PIL"]), status == 0 else {
      return "python3 cannot import PIL: pip install pillow"
    }
    return nil
  }()

  /// Whether tests can decode with Pillow.
  static var isAvailable: Bool { problem == nil }

  /// Writes `file` to a temporary file, has Pillow decode it, and returns its pixels (gray or RGB).
  static func decode(_ file: [UInt8]) throws -> Image {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pillow-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.jpg").path
    let output = folder.appendingPathComponent("out.raw").path
    try Data(file).write(to: URL(fileURLWithPath: input))
    let script = """
      import sys
      from PIL import Image
      image = Image.open(sys.argv[1])
      open(sys.argv[2], "wb").write(image.tobytes())
      open(sys.argv[2] + ".txt", "w").write(f"{image.mode} {image.width} {image.height}")
      """
    guard try run(["-c", script, input, output]) == 0 else { throw DecodingFailed() }
    let header = try String(contentsOfFile: output + ".txt", encoding: .utf8).split(separator: " ")
    let pixels = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
    guard header.count == 3, let width = Int(header[1]), let height = Int(header[2]) else { throw DecodingFailed() }
    return Image(width: width, height: height, channels: header[0] == "L" ? 1 : 3, pixels: pixels)
  }

  /// Has Pillow encode `image` (written for it as a PNG) as a JPEG at `quality` with its
  /// defaults (libjpeg's Annex K tables, 4:2:0), and returns the file.
  static func encodeJPEG(_ image: Image, quality: Int) throws -> [UInt8] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pillow-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.png").path
    let output = folder.appendingPathComponent("out.jpg").path
    try image.write(to: input)
    let script = """
      import sys
      from PIL import Image
      Image.open(sys.argv[1]).save(sys.argv[2], quality=int(sys.argv[3]))
      """
    guard try run(["-c", script, input, output, String(quality)]) == 0 else { throw DecodingFailed() }
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
  }

  /// Pillow did not decode or encode the file.
  struct DecodingFailed: Error {}

  /// Runs `python3` with `arguments`, its output discarded; returns its exit status.
  private static func run(_ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python ?? "/usr/bin/python3")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
