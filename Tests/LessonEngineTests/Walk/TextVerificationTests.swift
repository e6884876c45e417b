import CNNTestSupport
import LessonChecks
import LessonScript
import Testing

@testable import LessonEngine

/// `swift verify` blocks: checks that the prose matches the run, reported by `lesson verify` and,
/// in a walk, as a note to the learner.
@Suite struct TextVerificationTests {
  let script = EpisodeScript(
    header: EpisodeHeader(
      number: 1, slug: "t", path: "Lessons/01-t.md", title: "T", teachingMinutes: 1, exerciseMinutes: 0, training: nil),
    items: [.step(ScriptStep(line: 7, code: "let x = 1", kind: .run))])

  func session(asksExercises: Bool, into captured: CapturedOutput) -> EpisodeSession {
    EpisodeSession(
      script: script, options: WalkOptions(pauses: false, asksExercises: asksExercises), input: ScriptedInput([]),
      output: captured.output(isTerminal: false), progress: nil)
  }

  @Test func aMatchingTextIsSilent() throws {
    let captured = CapturedOutput()
    let walk = session(asksExercises: true, into: captured)
    try walk.verifyText(line: 9) { try check("x", 1, equals: 1) }
    #expect(walk.verificationFailures.isEmpty)
    #expect(captured.text.isEmpty)
  }

  @Test func aDifferenceIsAProblemForVerifyAndANoteForTheLearner() throws {
    let captured = CapturedOutput()
    let walk = session(asksExercises: true, into: captured)
    try walk.verifyText(line: 9) { try check("accuracy above 0.9", 0.5 > 0.9) }
    #expect(walk.verificationFailures == ["line 9: the text does not match the run: ✗ accuracy above 0.9"])
    #expect(captured.text.contains("Note: the text around here describes a typical run, and yours differs"))
    let verifying = session(asksExercises: false, into: CapturedOutput())
    try verifying.verifyText(line: 3) { throw LessonError.datasetsNotFound }
    #expect(
      verifying.verificationFailures.first?.hasPrefix("line 3: the text does not match the run: an error") == true)
  }
}
