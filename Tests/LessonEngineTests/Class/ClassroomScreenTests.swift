import CNNTestSupport
import ClassMode
import Foundation
import TerminalUI
import Testing

@testable import LessonEngine

/// The instructor's live dashboard on a terminal, driven by keys: each screen fits, and each key
/// does what the prompt says.
@Suite struct ClassroomScreenTests {
  static func room() -> SharedRoom {
    let room = SharedRoom()
    for (index, name) in ["Ana", "Bo", "Anabel"].enumerated() {
      let token = "t\(index)"
      room.apply(.joined(learner: token, name: name), at: 0)
      room.apply(
        .event(learner: token, name: name, .init(number: 1, event: .reachedStep(episode: 1, step: index + 1, of: 9))),
        at: 60)
    }
    room.apply(
      .event(
        learner: "t1", name: "Bo",
        .init(number: 2, event: .checked(exercise: "first-conv", passed: false, firstFailure: "shape", given: nil))),
      at: 120)
    return room
  }

  @Test func theKeysSortFilterShowAHistoryAndQuit() {
    let captured = CapturedOutput()
    var capabilities = TerminalCapabilities.plain(width: 60)
    capabilities.isTerminal = true
    capabilities.height = 20
    let dashboard = ClassDashboard(
      code: "PANDA-421", address: "10.0.0.2:7341", joinCommand: "lesson class join 10.0.0.2:7341 PANDA-421",
      syllabus: ClassSyllabus(episodes: [], episodeOfExercise: [:]), stuckAfter: 300)
    let screen = ClassroomScreen(
      dashboard: dashboard, room: Self.room(), device: captured.output(capabilities: capabilities),
      input: ScriptedInput(["s", "f", "f", "h an", "h bo", "", "dance", "q"]), clock: { 1_000 })
    screen.run()
    // Each key's screen starts with a clear; the text between two clears is one screen.
    let screens = captured.text.components(separatedBy: ScreenControl.clearScreen).dropFirst()
    #expect(screens.count == 8, "the room 7 times and one history")
    for shown in screens {
      let lines = shown.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.count <= 20)
      #expect(lines.allSatisfy { TextLayout.visibleWidth(String($0)) <= 60 })
    }
    let texts = Array(screens)
    #expect(texts[1].contains("Sorted: behind."))
    #expect(texts[2].contains("Showing only the stuck.") && texts[2].contains("Bo "))
    #expect(texts[2].contains("STUCK first-conv") && !texts[2].contains("Ana "))
    #expect(texts[3].contains("Showing everyone."))
    #expect(texts[4].contains("Which one? Ana, Anabel"))
    #expect(texts[5].hasPrefix("History of Bo (2 events)"))
    #expect(texts[5].contains("failed first-conv at \"shape\""))
    #expect(texts[7].contains("Keys: s sort, f stuck only, h NAME history, q quit."))
    // At 60 columns the whole prompt does not fit with room for a key: the short one is shown
    // (and, the keys being scripted, the key after it).
    #expect(texts[0].hasSuffix("\ns f h NAME q › s\n"))
  }
}
