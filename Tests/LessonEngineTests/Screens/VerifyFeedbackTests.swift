import CNNTestSupport
import Foundation
import LessonEngine
import LessonScript
import LessonToolkit
import Testing

/// `lesson verify` runs each question's own checks: a declared wrong answer must be marked wrong,
/// and every form the question accepts right.
@Suite struct VerifyFeedbackTests {
  /// An episode with one question, whose answer is 0.5, and the wrong answers `Declared.wrong`.
  enum Declared: GeneratedEpisode {
    static let script = EpisodeScript(
      header: EpisodeHeader(
        number: 1, slug: "q", path: "Lessons/01-q.md", title: "Q", teachingMinutes: 1, exerciseMinutes: 0, training: nil
      ),
      items: [
        .section(
          ScriptSection(
            line: 1, kind: .challenge, title: "Challenge", audience: .everyone,
            items: [
              .step(
                ScriptStep(
                  line: 3, code: "0.5",
                  kind: .question(Question(id: "half", kind: .number(tolerance: 0.005), acceptsPercent: true)),
                  hints: ["Half."], explanation: "One of two.",
                  wrongAnswers: [
                    WrongAnswer(pattern: .value("2"), feedback: "Upside down."),
                    WrongAnswer(pattern: .value("50 %"), feedback: "This is right, by mistake."),
                    WrongAnswer(pattern: .between(0.4, 0.6), feedback: "So is this range."),
                  ]))
            ]))
      ])

    static func run(_ session: EpisodeSession) throws {
      try session.question(line: 3) { LessonAnswer(0.5) }
      try session.finish()
    }
  }

  @Test func aDeclaredWrongAnswerThatIsRightFailsVerification() throws {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let lesson = try Lesson([Declared.self], root: workspace, workspace: workspace)
    let report = CapturedOutput()
    #expect(try !Verify(lesson: lesson, output: report.output(isTerminal: false, columns: 200)).run())
    #expect(report.text.contains("question half: the wrong answer \"50 %\" is marked right (the answer is 0.5)"))
    #expect(report.text.contains("question half: the wrong answer \"0.4..0.6\" is marked right"))
    #expect(!report.text.contains("the wrong answer \"2\""), "2 is wrong indeed")
    #expect(!report.text.contains("should be accepted"), "0.50, 50.00 and 50.00 % are all accepted")
  }
}
