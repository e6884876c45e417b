// Platform shim: flushing C's output buffers and exiting, which come from the C library.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few C library calls a check program needs around its output.
enum StandardStreams {
  /// Writes out whatever standard output and standard error hold in their buffers.
  static func flushOutput() {
    fflush(nil)
  }

  /// Ends the process with `status`, after the C library's exit handlers and flushing.
  static func exit(status: Int32) -> Never {
    #if canImport(Glibc)
      Glibc.exit(status)
    #elseif canImport(Musl)
      Musl.exit(status)
    #else
      Darwin.exit(status)
    #endif
  }
}
