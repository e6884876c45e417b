import Foundation
import Testing

@testable import ClassMode
@testable import TerminalUI

@Suite struct ClassDashboardTests {
  static let syllabus = ClassSyllabus(
    episodes: (1...6).map { ClassSyllabus.Episode(number: $0, title: "Episode \($0)") },
    episodeOfExercise: ["pixels": 2, "first-conv": 3])

  /// A room of `count` learners, some stuck, some with long or hostile names.
  static func room(count: Int) -> ClassRoom {
    var room = ClassRoom()
    for index in 0..<count {
      let name = index == 0 ? "Ana\u{1B}[2J" : index == 1 ? "Bartholomew-Maximilian the Third" : "Learner \(index)"
      let token = "t\(index)"
      room.apply(.joined(learner: token, name: name), at: 0)
      room.apply(
        .event(
          learner: token, name: name,
          .init(number: 1, event: .reachedStep(episode: 1 + index % 3, step: 1 + index % 7, of: 12))), at: 10)
      if index % 4 == 0 {
        room.apply(
          .event(
            learner: token, name: name,
            .init(
              number: 2,
              event: .checked(
                exercise: "first-conv", passed: false, firstFailure: "output shape", given: "16, \(index)"))), at: 20)
      }
      if index % 5 == 0 && index % 4 != 0 {
        room.apply(
          .event(
            learner: token, name: name,
            .init(number: 3, event: .answered(question: "pixels", right: false, given: "255"))), at: 30)
      }
    }
    return room
  }

  @Test(arguments: [40, 57, 80, 132])
  func everyLineFitsTheWidthAndTheScreenItsHeight(width: Int) {
    let dashboard = ClassDashboard(
      code: "PANDA-421", address: "192.168.1.20:7341", joinCommand: "lesson class join a:1 PANDA-421",
      syllabus: Self.syllabus, stuckAfter: 300)
    for colours in [TerminalCapabilities.ColorSupport.trueColor, .none] {
      var capabilities = TerminalCapabilities.plain(width: width)
      capabilities.colors = colours
      let lines = dashboard.lines(Self.room(count: 60), now: 1_000, capabilities: capabilities, height: 22)
      #expect(lines.count <= 22)
      for line in lines { #expect(TextLayout.visibleWidth(line) <= width, "\(line)") }
      #expect(lines.last?.hasPrefix("… and ") == true)
      #expect(!lines.joined().contains("\u{1B}[2J"))
    }
  }

  @Test func theHeaderShowsTheSpreadTheStuckAndTheMostMissedQuestion() {
    let dashboard = ClassDashboard(
      code: "PANDA-421", address: "10.0.0.2:7341", joinCommand: "lesson class join a:1 PANDA-421",
      syllabus: Self.syllabus, stuckAfter: 300)
    let lines = dashboard.lines(Self.room(count: 12), now: 1_000, capabilities: .plain(width: 100), height: 40)
    #expect(lines[0] == "Class PANDA-421 · 10.0.0.2:7341 · 12 learners · 5 stuck")
    #expect(lines[1] == "Join: lesson class join a:1 PANDA-421")
    #expect(lines[2] == "On episode 1: 4 · 2: 4 · 3: 4 · finished: 0")
    #expect(lines[3] == #"Most missed: pixels (episode 2), 2 wrong; most said "255" (2)"#)
    // The stuck come first, and their row says what they fail.
    #expect(lines[6].contains("STUCK first-conv (episode 3) at \"output shape\""))
    #expect(lines.count == 6 + 12)
  }

  @Test func theStuckOnlyFilterAndTheOrders() {
    var dashboard = ClassDashboard(
      code: "PANDA-421", address: "a:1", joinCommand: "lesson class join a:1 PANDA-421", syllabus: Self.syllabus,
      stuckAfter: 300)
    let room = Self.room(count: 12)
    dashboard.stuckOnly = true
    #expect(dashboard.rows(room, now: 1_000).map(\.token) == ["t0", "t10", "t4", "t5", "t8"])
    #expect(dashboard.rows(room, now: 100).isEmpty)
    dashboard.stuckOnly = false
    dashboard.order = .name
    #expect(dashboard.rows(room, now: 1_000).first?.token == "t0")
    dashboard.order = .behind
    let behind = dashboard.rows(room, now: 1_000)
    #expect(behind.first?.place?.episode == 1 && behind.last?.place?.episode == 3)
  }

  @Test func aHistoryListsEveryEventInWords() throws {
    let dashboard = ClassDashboard(
      code: "PANDA-421", address: "a:1", joinCommand: "lesson class join a:1 PANDA-421", syllabus: Self.syllabus,
      stuckAfter: 300)
    let learner = try #require(Self.room(count: 1).learners["t0"])
    let lines = dashboard.history(of: learner, width: 60)
    #expect(lines[0] == #"History of Ana\e[2J (2 events)"#)
    #expect(lines[1].hasSuffix("reached step 1 of 12 of episode 1"))
    #expect(lines[2].hasSuffix(#"failed first-conv (episode 3) at "output shape""#))
    #expect(lines[3] == #"with "16, 0""#)
    #expect(lines.allSatisfy { TextLayout.visibleWidth($0) <= 60 })
  }

  @Test(arguments: [0.0, 1_796_653_323.9, 1_800_000_059.5, 1_700_000_000])
  func theClockReadsAsAFormatterWouldWriteIt(time: Double) {
    let formatter = DateFormatter()
    formatter.dateFormat = "HH:mm:ss"
    #expect(EventWording.clock(time) == formatter.string(from: Date(timeIntervalSince1970: time.rounded(.down))))
  }
}
