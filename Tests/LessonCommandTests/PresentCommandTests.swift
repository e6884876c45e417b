import CNNTestSupport
import Foundation
import LessonEngine
import TerminalUI
import Testing

@testable import lesson

/// `lesson present 3 --notes-to FILE`, driven by keys read from piped input: the episode runs to
/// its end, and the notes go to the file, not to the projected screen.
@Suite(.isolatedSession) struct PresentCommandTests {
  @Test func episodeThreeIsPresentedWithItsNotesInAFile() throws {
    let run = InProcessRun()
    defer { run.removeWorkspace() }
    let notes = FileManager.default.temporaryDirectory.appendingPathComponent("notes-\(UUID().uuidString).txt").path
    defer { try? FileManager.default.removeItem(atPath: notes) }
    let keys = ScriptedInput([String](repeating: "", count: 200))
    let status = run.run(["present", "3", "--notes-to", notes], capabilities: .plain(width: 100), input: keys)
    #expect(status == 0, "\(run.output.suffix(800))\(run.errors)")
    #expect(run.output.contains("Episode 3 complete"))
    #expect(run.output.contains("The answer: 78500."))
    #expect(!run.output.contains("Wrong answer") && !run.output.contains("Instructor notes"))
    let written = try String(contentsOfFile: notes, encoding: .utf8)
    #expect(written.contains("Episode 3: Build a convolutional neural network"))
    #expect(written.contains("Question dense-on-pixels: the answer is 78500."))
    #expect(written.contains("Exercise model-function: learners run"))
    #expect(written.contains("Episode 3 done in"))
  }

  @Test func notesThatCannotBeWrittenStopBeforeAnythingIsShown() {
    let run = InProcessRun()
    defer { run.removeWorkspace() }
    let status = run.run(
      ["present", "3", "--notes-to", "/no/such/folder/notes.txt"], capabilities: .plain(width: 80),
      input: ScriptedInput([]))
    #expect(status != 0)
    #expect(
      run.errors.contains("/no/such/folder/notes.txt") && run.errors.contains("cannot be created"), "\(run.errors)")
    #expect(!run.output.contains("Episode 3"))
  }
}
