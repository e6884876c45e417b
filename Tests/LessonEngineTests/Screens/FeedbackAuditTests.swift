import LessonScript
import Testing

@testable import LessonEngine

/// What `lesson verify` requires of every exercise's feedback.
@Suite struct FeedbackAuditTests {
  func script(_ challengeItems: [ScriptItem]) -> EpisodeScript {
    EpisodeScript(
      header: EpisodeHeader(
        number: 2, slug: "t", path: "Lessons/02-t.md", title: "T", teachingMinutes: 1, exerciseMinutes: 0, training: nil
      ),
      items: [
        .section(
          ScriptSection(line: 1, kind: .challenge, title: "Challenge", audience: .everyone, items: challengeItems))
      ])
  }

  func question(hints: [String], explanation: String?) -> ScriptItem {
    .step(
      ScriptStep(
        line: 3, code: "1", kind: .question(Question(id: "q", kind: .number(tolerance: 0))), hints: hints,
        explanation: explanation))
  }

  @Test func aQuestionNeedsAHintAndAnExplanation() {
    #expect(
      FeedbackAudit.problems(in: script([question(hints: [], explanation: nil)])) == [
        "question q has no hint", "question q has no explanation (a solution div in its challenge)",
      ])
    #expect(FeedbackAudit.problems(in: script([question(hints: ["Look."], explanation: "Because.")])).isEmpty)
  }

  @Test func aFillInNamesItsBlanks() {
    let fillIn = ScriptItem.step(
      ScriptStep(
        line: 3, code: "_____",
        kind: .fillIn(FillIn(id: "f", types: ["Int"], answers: ["1"]), checks: CheckCode(line: 6, code: "")),
        hints: ["Look."], explanation: "Because."))
    #expect(FeedbackAudit.problems(in: script([fillIn])) == ["fill-in f does not name its blanks (names=)"])
  }

  @Test func aQuotedNumberNeedsAVerifyBlockInTheChallenge() {
    let quoting = question(hints: ["Look."], explanation: "It learns 78,500 numbers.")
    #expect(
      FeedbackAudit.problems(in: script([quoting])) == [
        "question q quotes 78,500 with no `swift verify` block in its challenge to check it"
      ])
    let checked = ScriptItem.section(
      ScriptSection(
        line: 5, kind: .solution, title: "Solution", audience: .onRequest,
        items: [.verification(line: 6, code: "try check(\"n\", 78_500, equals: 78_500)")]))
    #expect(FeedbackAudit.problems(in: script([quoting, checked])).isEmpty)
  }

  @Test func numbersInCodeAndSingleDigitsAreNotClaims() {
    #expect(FeedbackAudit.quotedNumber(in: "Use `Input(shape: [28, 28, 1])` and 3 filters.") == nil)
    #expect(FeedbackAudit.quotedNumber(in: "The accuracy is 0.946.") == "0.946")
    #expect(FeedbackAudit.quotedNumber(in: "Batches of 32.") == "32")
  }
}
