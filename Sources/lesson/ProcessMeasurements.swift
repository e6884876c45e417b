import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the operating system says about this process and its children: the platform-specific
/// part of `lesson bench`.
enum ProcessMeasurements {
  /// The most memory this process has had resident so far, in bytes.
  ///
  /// On Linux this is `VmHWM` from `/proc/self/status`: `getrusage`'s `ru_maxrss` also counts
  /// the memory of the process that started this one, when it forked before running `lesson`
  /// (a test bundle of 340 MiB made a 210 MiB run report 339). macOS's `ru_maxrss` is in bytes.
  static var peakResidentBytes: Int {
    var usage = rusage()
    #if os(Linux)
      if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Int($0) })
      {
        return kilobytes * 1024
      }
      guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
      return Int(usage.ru_maxrss) * 1024
    #else
      guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
      return Int(usage.ru_maxrss)
    #endif
  }

  /// The median seconds of five runs of this executable with `arguments`, output discarded:
  /// how long the program takes to start, do that and exit.
  static func startUpSeconds(arguments: [String]) -> Double? {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    guard FileManager.default.isExecutableFile(atPath: executable.path) else { return nil }
    var times: [Double] = []
    for _ in 0..<5 {
      let process = Process()
      process.executableURL = executable
      process.arguments = arguments
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      let start = Date()
      guard (try? process.run()) != nil else { return nil }
      process.waitUntilExit()
      times.append(Date().timeIntervalSince(start))
    }
    return times.sorted()[times.count / 2]
  }
}
