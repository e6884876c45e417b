import CNN
import CNNTestSupport
import Foundation
import LessonChecks
import LessonEngine
import LessonScript
import LessonToolkit
import Testing

/// The numbers and names a learner sees after a fill-in do not depend on how many tries it took.
@Suite(.serialized, .isolatedSession) struct RetryDeterminismTests {
  /// A fill-in that makes a layer and draws a random number, then a step that does the same.
  enum Episode: GeneratedEpisode {
    static let script = EpisodeScript(
      header: EpisodeHeader(
        number: 1, slug: "r", path: "Lessons/01-r.md", title: "R", teachingMinutes: 1, exerciseMinutes: 0, training: nil
      ),
      items: [
        .step(
          ScriptStep(
            line: 3, code: "_____",
            kind: .fillIn(
              FillIn(id: "units", types: ["Int"], answers: ["4"], names: ["units"]),
              checks: CheckCode(line: 6, code: "")))),
        .step(ScriptStep(line: 9, code: "after", kind: .run)),
      ])

    /// What each try and the step after it saw.
    nonisolated(unsafe) static var seen: [String] = []

    static func run(_ session: EpisodeSession) throws {
      try session.fillIn(line: 3) { blanks in
        let units: Int = try blanks.value(0)
        let layer = Dense(units: units)
        seen.append("try: \(layer.name) \(Tensor(randomUniform: [1]).scalars[0])")
        try check("units", units, equals: 4)
      }
      try session.willRun(line: 9)
      seen.append("after: \(Dense(units: 1).name) \(Tensor(randomUniform: [1]).scalars[0])")
      try session.didRun(line: 9)
      try session.finish()
    }
  }

  /// Walks the episode typing `answers`, from the same seed; returns what the code saw.
  func walk(_ answers: [String]) throws -> [String] {
    Episode.seen = []
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let lesson = try Lesson([Episode.self], root: workspace, workspace: workspace)
    clearSession()
    setRandomSeed(7)
    try LessonRunner(lesson: lesson, input: ScriptedInput(answers), output: CapturedOutput().output(isTerminal: false))
      .start(episode: 1)
    return Episode.seen
  }

  @Test func everyTryAndTheStepAfterSeeTheSameNumbersAndNames() throws {
    let firstTime = try walk(["4", ""])
    let thirdTime = try walk(["1", "", "2", "", "4", ""])
    #expect(firstTime.count == 2 && thirdTime.count == 4)
    #expect(Set(thirdTime.dropLast()).count == 1, "each try starts from the same state: \(thirdTime)")
    #expect(thirdTime.first == firstTime.first)
    #expect(thirdTime.last == firstTime.last, "the step after the fill-in sees the same")
  }
}
