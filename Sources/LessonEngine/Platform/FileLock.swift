// Platform shim: an exclusive advisory lock on a file (`flock`), so that several `lesson`
// processes (and threads) that change one file take turns at reading, changing and writing it.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

enum FileLock {
  /// Runs `body` while holding the exclusive lock on the file at `lockPath` (created, empty, if
  /// missing), waiting for any other holder first, and returns what `body` returns.
  ///
  /// The lock is advisory: it keeps out only those who take it too. It belongs to the open file,
  /// so two threads of one process exclude each other as two processes do, and it is released when
  /// the file is closed, however `body` ends, or by the system when the process dies.
  ///
  /// - Parameter failure: makes the error to throw from the error number of a failed `open` or
  ///   `flock` (a read-only folder gives `EACCES` or `EROFS`).
  static func holding<Result, Failure: Error>(
    _ lockPath: String, orThrow failure: (Int32) -> Failure, _ body: () throws(Failure) -> Result
  ) throws(Failure) -> Result {
    // O_CLOEXEC: a learner's program started while the lock is held must not inherit it.
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw failure(errno) }
    defer { close(descriptor) }
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else { throw failure(errno) }
    }
    return try body()
  }
}

extension FileLock {
  /// Takes the exclusive lock on the file at `lockPath` (created, empty, if missing) if nobody
  /// holds it, without waiting, and returns the open file that holds it: the lock lasts until the
  /// file is closed or the process ends. Nil when another holds it, or the file cannot be opened.
  static func holdIfFree(_ lockPath: String) -> Int32? {
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { return nil }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      return nil
    }
    return descriptor
  }
}
