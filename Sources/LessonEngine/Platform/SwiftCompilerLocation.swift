import Foundation

// Platform shim: where the Swift compiler is. Linux toolchains live anywhere (often only on
// PATH); macOS reaches them through `xcrun`.

/// Finds `swiftc`, the compiler that builds a learner's exercise.
enum SwiftCompilerLocation {
  /// The first of: `swiftc` in a folder of `PATH`; on Linux, `swiftc` in the toolchain whose Swift
  /// runtime this process loaded (`<toolchain>/usr/lib/swift/linux/libswiftCore.so` →
  /// `<toolchain>/usr/bin/swiftc`); on macOS, what `xcrun --find swiftc` answers. Nil when none
  /// is found.
  static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
    onPath(environment["PATH"] ?? "") ?? besideRunningToolchain()
  }

  /// `swiftc` in the first folder of `path` (a `PATH` value) that holds an executable one.
  static func onPath(_ path: String) -> URL? {
    path.split(separator: ":").lazy
      .map { URL(fileURLWithPath: String($0)).appendingPathComponent("swiftc") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  #if os(Linux)
    /// `swiftc` next to the Swift runtime library this process loaded, found in `/proc/self/maps`.
    static func besideRunningToolchain() -> URL? {
      guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8),
        let line = maps.split(separator: "\n").first(where: { $0.hasSuffix("/libswiftCore.so") }),
        let slash = line.firstIndex(of: "/")
      else { return nil }
      // <toolchain>/usr/lib/swift/linux/libswiftCore.so: four folders up is <toolchain>/usr.
      var folder = URL(fileURLWithPath: String(line[slash...]))
      for _ in 0..<4 { folder.deleteLastPathComponent() }
      let compiler = folder.appendingPathComponent("bin/swiftc")
      return FileManager.default.isExecutableFile(atPath: compiler.path) ? compiler : nil
    }
  #else
    /// What `xcrun --find swiftc` answers: the compiler of the selected Xcode or toolchain.
    static func besideRunningToolchain() -> URL? {
      let xcrun = ChildProcess(
        executable: URL(fileURLWithPath: "/usr/bin/xcrun"), arguments: ["--find", "swiftc"], timeLimit: .seconds(30))
      guard let result = try? xcrun.run(), result.termination == .exited(status: 0) else { return nil }
      let path = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
      return path.isEmpty ? nil : URL(fileURLWithPath: path)
    }
  #endif
}
