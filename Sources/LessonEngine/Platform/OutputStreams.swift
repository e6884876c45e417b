// Platform shim: reading a child's standard output and error from their pipes as they come,
// with `poll`, so that neither pipe fills up and blocks the child while we wait for the other.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The two output pipes of a `SpawnedProcess`, read into an `OutputTail` each.
struct OutputStreams {
  /// What came through standard output.
  private(set) var output: OutputTail
  /// What came through standard error.
  private(set) var error: OutputTail
  /// The pipes still open, output first; -1 once a pipe reached its end (which `poll` skips).
  private var pipes: [pollfd]
  /// Where each read lands, kept from read to read: a program that prints without end makes
  /// thousands of them.
  private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

  /// Starts reading `process`'s pipes, keeping the last `limit` bytes of each.
  init(process: SpawnedProcess, limit: Int) {
    output = OutputTail(limit: limit)
    error = OutputTail(limit: limit)
    pipes = [process.outputPipe, process.errorPipe].map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
  }

  /// Whether both pipes reached their end: every process that held them open has ended.
  var allEnded: Bool { pipes.allSatisfy { $0.fd < 0 } }

  /// Reads whatever is ready now, waiting at most `timeout` for something to be.
  mutating func readAvailable(waitingAtMost timeout: Duration) {
    let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
    guard !allEnded, poll(&pipes, nfds_t(pipes.count), milliseconds) > 0 else { return }
    for index in pipes.indices where pipes[index].fd >= 0 && pipes[index].revents != 0 {
      let count = buffer.withUnsafeMutableBytes { read(pipes[index].fd, $0.baseAddress, $0.count) }
      if count > 0 {
        buffer.withUnsafeBytes { bytes in
          let chunk = UnsafeRawBufferPointer(rebasing: bytes[..<count])
          if index == 0 { output.append(chunk) } else { error.append(chunk) }
        }
      } else if count == 0 || errno != EINTR && errno != EAGAIN {
        _ = close(pipes[index].fd)
        pipes[index].fd = -1
      }
    }
  }

  /// Closes the pipes still open.
  mutating func closePipes() {
    for index in pipes.indices where pipes[index].fd >= 0 {
      _ = close(pipes[index].fd)
      pipes[index].fd = -1
    }
  }
}
