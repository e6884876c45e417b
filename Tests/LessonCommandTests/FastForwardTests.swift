import CNNTestSupport
import LessonEngine
import TerminalUI
import Testing

@testable import lesson

/// Steps before `--from` (or before the place a learner resumes at) run quietly, fill-ins among
/// them: episode 4's fill-in (step 2) prints "Before training: …" only when it is walked.
@Suite(.isolatedSession) struct FastForwardTests {
  @Test func aFillInBeforeTheFirstStepShownRunsQuietly() {
    let run = InProcessRun()
    defer { run.removeWorkspace() }
    run.run(["start", "4", "--from", "3"], capabilities: .plain(width: 80), input: ScriptedInput(["q"]))
    #expect(run.output.contains("Step 3 of"), "\(run.output)")
    #expect(!run.output.contains("Before training:"), "\(run.output)")
  }

  @Test func theSameFillInWalkedShowsWhatItPrints() {
    let run = InProcessRun()
    defer { run.removeWorkspace() }
    let answers = ScriptedInput(["adam", "sparse_categorical_crossentropy", "accuracy", "q"])
    run.run(["start", "4", "--from", "2"], capabilities: .plain(width: 80), input: answers)
    #expect(run.output.contains("Before training:"), "\(run.output)")
  }
}
