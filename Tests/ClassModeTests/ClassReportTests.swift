import Foundation
import Testing

@testable import ClassMode

@Suite struct ClassReportTests {
  @Test func theReportGivesTimesFailuresAndWhoFinished() {
    var room = ClassRoom()
    // Three learners through episode 1, in 10, 20 and 40 minutes; Ana also does episode 2.
    for (token, name, minutes) in [("a", "Ana", 10.0), ("b", "Bo|b", 20), ("c", "Cy", 40)] {
      room.apply(.joined(learner: token, name: name), at: 0)
      room.apply(
        .event(learner: token, name: name, .init(number: 1, event: .reachedStep(episode: 1, step: 1, of: 5))), at: 60)
      room.apply(
        .event(
          learner: token, name: name,
          .init(number: 2, event: .answered(question: "pixels", right: false, given: token == "c" ? "256" : "255"))),
        at: 120)
      room.apply(
        .event(learner: token, name: name, .init(number: 3, event: .finishedEpisode(1))), at: 60 + minutes * 60)
    }
    room.apply(
      .event(learner: "a", name: "Ana", .init(number: 4, event: .reachedStep(episode: 2, step: 1, of: 3))), at: 700)
    room.apply(
      .event(
        learner: "a", name: "Ana",
        .init(
          number: 5, event: .checked(exercise: "first-conv", passed: false, firstFailure: "output shape", given: nil))),
      at: 800)
    room.apply(.event(learner: "a", name: "Ana", .init(number: 6, event: .finishedEpisode(2))), at: 900)
    let syllabus = ClassSyllabus(
      episodes: [.init(number: 1, title: "Introduction"), .init(number: 2, title: "Image data")],
      episodeOfExercise: ["pixels": 1, "first-conv": 2])
    let markdown = ClassReport(code: "PANDA-421", syllabus: syllabus).markdown(room, now: 3_000)
    #expect(markdown.hasPrefix("# Class PANDA-421: report\n"))
    #expect(markdown.contains("3 learners · 12 events"))
    #expect(markdown.contains("| 1. Introduction | 3 | 3 | 20 min | 40 min (Cy) |"))
    #expect(markdown.contains("| 2. Image data | 1 | 1 | 3 min | 3 min (Ana) |"))
    #expect(markdown.contains("Still going (2), by where they stopped:"))
    #expect(markdown.contains(#"| pixels (episode 1) | 3 | "255" ×2, "256" ×1 |"#))
    #expect(markdown.contains(#"| first-conv (episode 2) | 1 | "output shape" ×1 |"#))
    #expect(markdown.contains("Every episode (1): Ana."))
    // A name's pipe would break the table, so it is escaped.
    #expect(markdown.contains(#"- Episode 1, step 1 of 5 (2): Bo\|b, Cy"#))
  }

  @Test func theClassSpansFromTheFirstJoinToTheLastEventPastTheHistoryKept() {
    var room = ClassRoom()
    room.apply(.joined(learner: "a", name: "Ana"), at: 1_800_000_000)
    for number in 1...(LearnerRecord.historyLimit + 50) {
      room.apply(
        .event(learner: "a", name: "Ana", .init(number: number, event: .reachedStep(episode: 1, step: 1, of: 5))),
        at: 1_800_000_000 + Double(number) * 60)
    }
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    let first = formatter.string(from: Date(timeIntervalSince1970: 1_800_000_000))
    let last = formatter.string(from: Date(timeIntervalSince1970: 1_800_000_000 + 250 * 60))
    let markdown = ClassReport(code: "OWL-100", syllabus: ClassSyllabus(episodes: [], episodeOfExercise: [:]))
      .markdown(room, now: 1_800_100_000)
    #expect(markdown.contains("· 250 events · from \(first) to \(last)"))
  }
}
