import ClassMode
import Foundation
import LessonEngine
import TerminalUI
import Testing

@testable import lesson

/// `lesson class join`, `leave`, `start` and `report` as the command line reads them, with the
/// mistakes a learner makes at the keyboard.
@Suite(.isolatedSession) struct ClassCommandTests {
  @Test func theClassCommandsParseTheirArgumentsAndOptions() throws {
    #expect(
      try LessonCommand.parse(["class", "join", "10.0.0.2:7341", "panda-421", "--name", "Ana Lima"])
        == .walk(.classJoin(address: "10.0.0.2:7341", code: "panda-421", name: "Ana Lima")))
    var options = ClassInstructor.StartOptions()
    options.port = 7400
    options.newClass = true
    options.json = true
    options.stuckAfterMinutes = 3
    #expect(
      try LessonCommand.parse(["class", "start", "--port", "7400", "--new", "--json", "--stuck-after", "3"])
        == .walk(.classStart(options)))
    #expect(try LessonCommand.parse(["class", "report"]) == .walk(.classReport(code: nil)))
    #expect(throws: UsageError.self) { try LessonCommand.parse(["class", "join", "10.0.0.2"]) }
    #expect(throws: UsageError.self) { try LessonCommand.parse(["class", "start", "--stuck-after", "0"]) }
  }

  @Test func joiningWithATypoSaysWhatToTypeAndKeepsNothing() {
    let run = InProcessRun()
    defer { run.removeWorkspace() }
    #expect(
      run.run(["class", "join", "10.0.0.2/7341", "PANDA-421", "--name", "Ana"], capabilities: .plain(width: 60)) == 1)
    #expect(run.errors.contains("is not an address"), "\(run.errors)")
    #expect(
      run.run(["class", "join", "10.0.0.2:7341", "PANDA421", "--name", "Ana"], capabilities: .plain(width: 60)) == 1)
    #expect(run.errors.contains("is not a class code"))
    #expect(!FileManager.default.fileExists(atPath: run.workspace + "/class.txt"))
  }

  @Test func joiningAClassThatIsNotThereYetKeepsItAndLeavingForgetsIt() throws {
    let run = InProcessRun()
    defer { run.removeWorkspace() }
    // A port nobody listens on.
    let server = try ClassServer(code: ClassCode("PANDA-421")!, port: 0, loopbackOnly: true) { _ in }
    let port = server.port
    server.start()
    server.stop()
    let status = run.run(
      ["class", "join", "127.0.0.1:\(port)", "PANDA-421"], capabilities: .plain(width: 60),
      input: ScriptedInput(["Ana"]))
    #expect(status == 0, "\(run.errors)")
    let words = run.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("Your name, as the instructor will see it: Ana"))
    #expect(
      words.contains(
        "Joined PANDA-421 at 127.0.0.1:\(port) as Ana. The instructor's machine is not answering yet (Connection refused)"
      ))
    #expect(words.contains("nothing else leaves this laptop"))
    #expect(run.output.split(separator: "\n").allSatisfy { $0.count <= 60 })
    #expect(FileManager.default.fileExists(atPath: run.workspace + "/class.txt"))

    #expect(run.run(["class", "leave"], capabilities: .plain(width: 60)) == 0)
    #expect(run.output.contains("You left PANDA-421: nothing more is sent."))
    #expect(!FileManager.default.fileExists(atPath: run.workspace + "/class.txt"))
    #expect(run.run(["class", "leave"], capabilities: .plain(width: 60)) == 1)
    #expect(run.errors.contains("You have not joined a class"))
  }

  @Test func aWrongCodeIsRefusedByTheInstructorsMachineAndNothingIsKept() throws {
    let run = InProcessRun()
    defer { run.removeWorkspace() }
    let server = try ClassServer(code: ClassCode("TIGER-100")!, port: 0, loopbackOnly: true) { _ in }
    server.start()
    defer { server.stop() }
    let status = run.run(
      ["class", "join", "127.0.0.1:\(server.port)", "PANDA-421", "--name", "Ana"], capabilities: .plain(width: 80))
    #expect(status == 1)
    #expect(run.output.contains("refused: wrong class code"))
    #expect(!FileManager.default.fileExists(atPath: run.workspace + "/class.txt"))
  }

  @Test func aReportBeforeAnyClassSaysHowToOpenOne() {
    let run = InProcessRun()
    defer { run.removeWorkspace() }
    #expect(run.run(["class", "report"], capabilities: .plain(width: 80)) == 1)
    #expect(run.errors.contains("No class was opened in this project"))
  }
}
