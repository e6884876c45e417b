import ClassMode
import Foundation
import TerminalUI

/// The instructor's side of class mode: `lesson class start` opens the class and shows the room
/// live, `lesson class report` writes the summary after it. Each class is a folder of the
/// workspace, `class/CODE/`, with the log of its events (`events.jsonl`) and its report
/// (`report.md`); `class/current.txt` names the class that `start` opens again, so that a server
/// started again (after a crash, or a closed lid) carries on with the same code and the same room.
public struct ClassInstructor {
  /// What `lesson class start` was asked.
  public struct StartOptions: Equatable, Sendable {
    /// The port to listen on (0: any free one); nil for the port the class was last opened on, or
    /// 7341 for a new class. Opened again on its port, a class is where its learners left it.
    public var port: Int?
    /// Whether to open a new class, with a new code, rather than the current one.
    public var newClass = false
    /// Whether to print each event as a JSON line, for tools.
    public var json = false
    /// Minutes failing the same exercise after which a learner is shown as stuck.
    public var stuckAfterMinutes = 5
    /// Whether to listen on this machine's loopback address only (for tests).
    public var loopbackOnly = false

    /// The defaults above.
    public init() {}
  }

  let lesson: Lesson
  let input: LineInput
  let output: TerminalOutput

  /// An instructor's commands for `lesson`, reading keys from `input` and writing to `output`.
  public init(lesson: Lesson, input: LineInput, output: TerminalOutput = .current) {
    self.lesson = lesson
    self.input = input
    self.output = output
  }

  /// Opens the class and serves it until `q` (or, when nothing can be typed, until the process is
  /// ended). In a terminal the room is shown live; otherwise each event is a line (a JSON line with
  /// `json`). `listening` is called once the server listens, with it (tests connect to its port).
  ///
  /// - Throws: `SocketError` when the port cannot be listened on; `ClassFileError` when the class's
  ///   folder cannot be written or its log read.
  public func start(_ options: StartOptions, listening: (ClassServer) -> Void = { _ in }) throws {
    let current = options.newClass ? nil : self.current
    var generator = SystemRandomNumberGenerator()
    let code = current?.code ?? ClassCode.random(using: &generator)
    let replay = try ClassLog.replay(logPath(of: code))
    let log = try ClassLog(appendingTo: logPath(of: code))
    let room = SharedRoom(replay.room)
    let syllabus = self.syllabus
    let dashboardShown = output.isTerminal && output.capabilities.height != nil && !options.json
    let lines = QueuedLines(output)
    let width = output.capabilities.width
    let port = options.port ?? current?.port ?? ClassMembership.defaultPort
    let server = try ClassServer(
      code: code, port: port, loopbackOnly: options.loopbackOnly, held: replay.room.lastNumbers
    ) {
      arrival in
      let time = Date().timeIntervalSince1970
      log.append(arrival, at: time)
      guard room.apply(arrival, at: time), !dashboardShown else { return }
      lines.write(
        options.json
          ? String(decoding: ClassLog.line(for: arrival, at: time), as: UTF8.self)
          : Self.eventLine(arrival, at: time, syllabus: syllabus, width: width))
    }
    try remember(code, port: server.port)
    // The introduction comes before the first event's line.
    // Learners join at this machine's first address on a network; the others are listed.
    let hosts = options.loopbackOnly ? [] : ClassNetwork.addresses()
    let address = "\(hosts.first ?? "127.0.0.1"):\(server.port)"
    introduce(
      code: code, address: address, otherHosts: hosts.dropFirst(), replay: replay, options: options,
      dashboardShown: dashboardShown)
    server.start()
    defer { server.stop() }
    listening(server)
    if dashboardShown {
      let dashboard = ClassDashboard(
        code: code.text, address: address, joinCommand: Self.joinCommand(address: address, code: code),
        syllabus: syllabus, stuckAfter: Double(options.stuckAfterMinutes * 60))
      ClassroomScreen(dashboard: dashboard, room: room, device: output, input: input).run()
      output.write(ScreenControl.clearScreen)
    } else {
      waitForQuit()
    }
    server.stop()
    lines.drain()
    let final = room.snapshot
    if !options.json {
      Screen(output: output).paragraph(
        "Class \(code) closed: \(EventWording.count(final.learners.count, "learner")), "
          + "\(EventWording.count(final.eventCount, "event")). Its log is kept in "
          + "\(folder(of: code).relativePath(to: lesson.root)); `\(LaunchCommand.command("class report"))` "
          + "writes the summary, and `\(LaunchCommand.command("class start"))` opens it again.")
    }
  }

  /// Writes the report of the current class (or of the class `code`) into its folder, shows it, and
  /// returns its path.
  ///
  /// - Throws: `LessonError.noClass` when no class was opened here (or none called `code`);
  ///   `ClassFileError` when the log cannot be read or the report written.
  @discardableResult
  public func report(code typed: String? = nil) throws -> String {
    // A code typed that is no code is no class; none typed is the current class.
    guard let code = typed.map(ClassCode.init) ?? currentClass else { throw LessonError.noClass(typed) }
    guard FileManager.default.fileExists(atPath: logPath(of: code)) else { throw LessonError.noClass(code.text) }
    let replay = try ClassLog.replay(logPath(of: code))
    let markdown = ClassReport(code: code.text, syllabus: syllabus).markdown(
      replay.room, now: Date().timeIntervalSince1970)
    let path = (folder(of: code) as NSString).appendingPathComponent("report.md")
    do {
      try markdown.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw ClassFileError.cannotWrite(path: path, reason: error.localizedDescription)
    }
    for line in MarkdownView(markdown).lines(for: output.capabilities) { output.writeLine(line) }
    output.writeLine("")
    output.writeLine("Written to \(path.relativePath(to: lesson.root)).")
    return path
  }

  /// The lesson's episodes and exercises, as the dashboard names them.
  var syllabus: ClassSyllabus {
    ClassSyllabus(
      episodes: lesson.entries.map { ClassSyllabus.Episode(number: $0.script.number, title: $0.script.title) },
      episodeOfExercise: Dictionary(
        lesson.entries.flatMap { entry in entry.script.exerciseIDs.map { ($0, entry.script.number) } },
        uniquingKeysWith: { first, _ in first }))
  }

  // MARK: - Private helpers

  private var classesFolder: String { (lesson.workspace as NSString).appendingPathComponent("class") }
  private var currentFile: String { (classesFolder as NSString).appendingPathComponent("current.txt") }

  private func folder(of code: ClassCode) -> String {
    (classesFolder as NSString).appendingPathComponent(code.text)
  }

  private func logPath(of code: ClassCode) -> String {
    (folder(of: code) as NSString).appendingPathComponent("events.jsonl")
  }

  /// The class `start` opens again: the last one opened in this workspace, as `current.txt` names
  /// it; nil before the first.
  public var currentClass: ClassCode? { current?.code }

  /// What `current.txt` says: the last class opened here, and its port.
  ///
  ///     code: PANDA-421
  ///     port: 7341
  private var current: (code: ClassCode, port: Int?)? {
    guard let fields = SettingsFile.fields(at: currentFile), let code = fields["code"].flatMap(ClassCode.init) else {
      return nil
    }
    return (code, fields["port"].flatMap { Int($0) }.flatMap { (1...65535).contains($0) ? $0 : nil })
  }

  /// Keeps `code` and `port` as the class `start` opens again.
  private func remember(_ code: ClassCode, port: Int) throws(ClassFileError) {
    do {
      try FileManager.default.createDirectory(atPath: classesFolder, withIntermediateDirectories: true)
      try "code: \(code.text)\nport: \(port)\n".write(toFile: currentFile, atomically: true, encoding: .utf8)
    } catch {
      throw .cannotWrite(path: currentFile, reason: error.localizedDescription)
    }
  }

  private func introduce(
    code: ClassCode, address: String, otherHosts: ArraySlice<String>, replay: ClassLog.Replay, options: StartOptions,
    dashboardShown: Bool
  ) {
    let join = Self.joinCommand(address: address, code: code)
    if options.json {
      output.writeLine("{\"type\":\"open\",\"code\":\"\(code.text)\",\"address\":\"\(address)\"}")
      return
    }
    let screen = Screen(output: output)
    let resumed =
      replay.room.learners.isEmpty
      ? ""
      : " again, with \(EventWording.count(replay.room.learners.count, "learner")) and "
        + "\(EventWording.count(replay.room.eventCount, "event")) so far"
    screen.line(screen.styled("Class \(code) is open at \(address)\(resumed).", bold: true))
    screen.paragraph("Write this on the board; each learner runs it in the project folder:")
    screen.line("  \(join)")
    if !otherHosts.isEmpty {
      screen.paragraph(
        "This machine is also at \(otherHosts.joined(separator: ", ")): if learners cannot reach the address above, "
          + "give them the one on the workshop's network.")
    }
    if !dashboardShown { screen.paragraph("Each event is a line below. Type q and Enter to close the class.") }
    if replay.unreadableLines > 0 {
      screen.bad("\(replay.unreadableLines) lines of the class's log could not be read and were skipped.")
    }
  }

  /// Waits for a line saying q (or the end of input: then for the process to be ended).
  private func waitForQuit() {
    while let line = input.readLine() {
      if ["q", "quit"].contains(line.trimmingCharacters(in: .whitespaces).lowercased()) { return }
    }
    while true { sleep(3600) }
  }

  /// What learners run to join: `swift run lesson class join 192.168.1.20:7341 PANDA-421`.
  private static func joinCommand(address: String, code: ClassCode) -> String {
    LaunchCommand.command("class join \(address) \(code.text)")
  }

  /// One event as a line for a pipe: "14:05:09 Ana answered pixel-count (episode 2) wrong: "255"".
  static func eventLine(_ arrival: ClassServer.Arrival, at time: Double, syllabus: ClassSyllabus, width: Int)
    -> String
  {
    let line = EventWording.clock(time) + " " + EventWording.sentence(arrival, syllabus: syllabus)
    return TextLayout.fitted(line, width: width).joined(separator: "\n") + "\n"
  }
}
