// Platform shim: the few TCP calls class mode makes (listen, accept, connect with a time limit,
// read and write without waiting, poll), on Linux and macOS. Every socket is non-blocking and
// close-on-exec, and writing to a socket whose peer has gone returns an error instead of raising
// SIGPIPE (`MSG_NOSIGNAL` on Linux, `SO_NOSIGPIPE` on macOS). IPv4 only: a workshop's local
// network always has it.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What reading from a socket gave.
enum SocketRead: Equatable {
  /// This many bytes, appended to the buffer.
  case bytes(Int)
  /// Nothing to read yet.
  case wouldBlock
  /// The peer closed the connection, or it failed.
  case closed
}

/// What writing to a socket did.
enum SocketWrite: Equatable {
  /// This many bytes were taken (perhaps fewer than offered).
  case wrote(Int)
  /// The socket's buffer is full: try again when it polls writable.
  case wouldBlock
  /// The peer has gone, or the connection failed.
  case closed
}

/// The TCP calls, each on a raw file descriptor.
enum TCPSockets {
  /// Opens a socket listening on `port` (0: any free port) on every address of this machine, or on
  /// the loopback address alone (`loopbackOnly`, for tests), with room for `backlog` connections
  /// waiting to be accepted.
  static func listen(port: Int, loopbackOnly: Bool, backlog: Int32 = 128) throws(SocketError) -> Int32 {
    guard (0...65535).contains(port) else { throw .cannotListen(port: port, reason: "ports go from 1 to 65535") }
    let descriptor = try newSocket { .cannotListen(port: port, reason: $0) }
    var yes: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = socketAddress(ipv4: loopbackOnly ? 0x7F00_0001 : 0, port: port)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, systemListen(descriptor, backlog) == 0 else {
      let reason = errorText(errno)
      close(descriptor)
      throw .cannotListen(port: port, reason: reason)
    }
    return descriptor
  }

  /// The port a socket is bound to.
  static func port(of descriptor: Int32) -> Int {
    var address = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// What accepting gave.
  enum Accepted {
    /// A connection, made non-blocking, with the peer's address as text.
    case connection(Int32, peer: String)
    /// None was waiting (or the one waiting failed).
    case none
    /// The process (or the system) has no file descriptor left: retrying at once would spin.
    case outOfDescriptors
  }

  /// The system's buffers of an accepted connection, each way. Fixed, so that the system does not
  /// grow them (to megabytes) for a client that stops reading: a learner's events and their
  /// acknowledgements are a few dozen bytes each.
  static let acceptedBufferBytes: Int32 = 8_192

  /// Accepts a waiting connection.
  static func accept(from listener: Int32) -> Accepted {
    var address = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let descriptor = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { systemAccept(listener, $0, &length) }
    }
    guard descriptor >= 0 else { return errno == EMFILE || errno == ENFILE ? .outOfDescriptors : .none }
    prepare(descriptor)
    var bytes = acceptedBufferBytes
    setsockopt(descriptor, SOL_SOCKET, SO_SNDBUF, &bytes, socklen_t(MemoryLayout<Int32>.size))
    setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &bytes, socklen_t(MemoryLayout<Int32>.size))
    return .connection(descriptor, peer: dottedText(UInt32(bigEndian: address.sin_addr.s_addr)))
  }

  /// Connects to `host`:`port`, waiting at most `timeout` seconds, and returns the non-blocking
  /// socket; `receiveBuffer` asks the system for a receive buffer of that many bytes (tests use a
  /// small one to play a client that reads slowly).
  static func connect(host: String, port: Int, timeout: Double, receiveBuffer: Int? = nil) throws(SocketError)
    -> Int32
  {
    let address = "\(host):\(port)"
    guard (1...65535).contains(port) else { throw .cannotConnect(address: address, reason: "ports go from 1 to 65535") }
    guard let ipv4 = resolve(host) else { throw .cannotResolve(host: host) }
    let descriptor = try newSocket { .cannotConnect(address: address, reason: $0) }
    if var bytes = receiveBuffer.map(Int32.init) {
      setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &bytes, socklen_t(MemoryLayout<Int32>.size))
    }
    var target = socketAddress(ipv4: ipv4, port: port)
    let started = withUnsafePointer(to: &target) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        systemConnect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    if started != 0 && errno != EINPROGRESS {
      let reason = errorText(errno)
      close(descriptor)
      throw .cannotConnect(address: address, reason: reason)
    }
    if started != 0 {
      var waiting = [pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)]
      let ready = poll(&waiting, milliseconds: Int32(timeout * 1000))
      var failure: Int32 = 0
      var length = socklen_t(MemoryLayout<Int32>.size)
      getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &length)
      guard ready > 0, failure == 0 else {
        close(descriptor)
        throw .cannotConnect(address: address, reason: ready > 0 ? errorText(failure) : "no answer")
      }
    }
    return descriptor
  }

  /// Reads at most `limit` bytes onto the end of `buffer`, without waiting.
  static func read(_ descriptor: Int32, into buffer: inout [UInt8], limit: Int) -> SocketRead {
    // Reading nothing would return 0, which also means the peer closed: there is simply no room.
    guard limit > 0 else { return .wouldBlock }
    let start = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: limit))
    let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress! + start, limit, 0) }
    buffer.removeLast(limit - max(count, 0))
    if count > 0 { return .bytes(count) }
    if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return .wouldBlock }
    return .closed
  }

  /// Writes as much of `bytes` as the socket takes now, without waiting.
  static func write(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) -> SocketWrite {
    guard !bytes.isEmpty else { return .wrote(0) }
    let count = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress!, $0.count, noSignalFlag) }
    if count >= 0 { return .wrote(count) }
    if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return .wouldBlock }
    return .closed
  }

  /// Waits at most `milliseconds` for any of `descriptors` to be ready as asked; returns how many
  /// are (0 when the time ran out). A signal that interrupts the wait (a terminal resized, a
  /// child ended) does not end it.
  @discardableResult
  static func poll(_ descriptors: inout [pollfd], milliseconds: Int32) -> Int {
    let clock = ContinuousClock()
    let deadline = clock.now + .milliseconds(milliseconds)
    var left = milliseconds
    while true {
      let ready = descriptors.withUnsafeMutableBufferPointer {
        systemPoll($0.baseAddress, nfds_t($0.count), left)
      }
      if ready >= 0 { return Int(ready) }
      guard errno == EINTR else { return 0 }
      let remaining = clock.now.duration(to: deadline).components
      left = Int32(max(0, remaining.seconds * 1000 + remaining.attoseconds / 1_000_000_000_000_000))
    }
  }

  /// Closes a socket.
  static func close(_ descriptor: Int32) {
    _ = systemClose(descriptor)
  }

  /// Raises this process's limit on open files towards `wanted` (a server holds a descriptor per
  /// connection; macOS allows only 256 by default). Returns the limit now in force.
  @discardableResult
  static func raiseOpenFileLimit(to wanted: Int) -> Int {
    var limit = rlimit()
    guard getrlimit(resourceOpenFiles, &limit) == 0 else { return 0 }
    if limit.rlim_cur < rlim_t(wanted) {
      limit.rlim_cur = min(rlim_t(wanted), limit.rlim_max)
      _ = setrlimit(resourceOpenFiles, &limit)
      _ = getrlimit(resourceOpenFiles, &limit)
    }
    return Int(clamping: limit.rlim_cur)
  }

  /// This machine's IPv4 addresses on the networks it is connected to (not the loopback), as text.
  static func networkAddresses() -> [String] {
    var first: UnsafeMutablePointer<ifaddrs>?
    guard getifaddrs(&first) == 0 else { return [] }
    defer { freeifaddrs(first) }
    var found: [String] = []
    var next = first
    while let interface = next {
      next = interface.pointee.ifa_next
      let flags = Int32(truncatingIfNeeded: interface.pointee.ifa_flags)
      // Up and running, and neither the loopback nor a point-to-point link (a VPN's tunnel).
      guard let address = interface.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
        flags & Int32(IFF_UP) != 0, flags & Int32(IFF_RUNNING) != 0, flags & Int32(IFF_LOOPBACK) == 0,
        flags & Int32(IFF_POINTOPOINT) == 0
      else { continue }
      let ipv4 = UInt32(
        bigEndian: address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr.s_addr })
      // 169.254.x.x is what a machine gives itself when no network gave it an address.
      if ipv4 >> 16 != 0xA9FE { found.append(dottedText(ipv4)) }
    }
    return found
  }

  // MARK: - Private helpers

  /// A new TCP socket, non-blocking and close-on-exec: on Linux from its first moment, so that a
  /// learner's program started by another thread meanwhile cannot inherit a learner's connection.
  /// (Accepted sockets, on the instructor's side only, are made close-on-exec just after.)
  private static func newSocket(_ failure: (String) -> SocketError) throws(SocketError) -> Int32 {
    let descriptor = socket(AF_INET, streamType | closeOnExecType, 0)
    guard descriptor >= 0 else { throw failure(errorText(errno)) }
    prepare(descriptor)
    return descriptor
  }

  /// Makes a socket non-blocking, close-on-exec and, on macOS, free of SIGPIPE.
  private static func prepare(_ descriptor: Int32) {
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    #if canImport(Darwin)
      var yes: Int32 = 1
      setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
    #endif
  }

  /// The IPv4 address `host` names (dotted, or a name), in host byte order.
  private static func resolve(_ host: String) -> UInt32? {
    var hints = addrinfo()
    hints.ai_family = AF_INET
    hints.ai_socktype = streamType
    var results: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, nil, &hints, &results) == 0, let first = results else { return nil }
    defer { freeaddrinfo(results) }
    guard let address = first.pointee.ai_addr else { return nil }
    return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
      UInt32(bigEndian: $0.pointee.sin_addr.s_addr)
    }
  }

  private static func socketAddress(ipv4: UInt32, port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    #if canImport(Darwin)
      address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
    #endif
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = ipv4.bigEndian
    return address
  }

  private static func dottedText(_ ipv4: UInt32) -> String {
    [24, 16, 8, 0].map { String((ipv4 >> $0) & 0xFF) }.joined(separator: ".")
  }

  private static func errorText(_ number: Int32) -> String {
    String(cString: strerror(number))
  }

  #if canImport(Glibc)
    private static let closeOnExecType = Int32(SOCK_CLOEXEC.rawValue)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    private static let noSignalFlag = Int32(MSG_NOSIGNAL)
    private static let resourceOpenFiles = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
  #else
    // macOS has no SOCK_CLOEXEC: `prepare` sets it just after.
    private static let closeOnExecType: Int32 = 0
    private static let streamType = SOCK_STREAM
    private static let noSignalFlag: Int32 = 0
    private static let resourceOpenFiles = RLIMIT_NOFILE
  #endif
}

// The system's functions under names that the methods above do not hide.
private let systemListen = listen
private let systemAccept = accept
private let systemConnect = connect
private let systemPoll = poll
private let systemClose = close
