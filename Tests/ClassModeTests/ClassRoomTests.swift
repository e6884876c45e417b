import Testing

@testable import ClassMode

@Suite struct ClassRoomTests {
  /// A room where `events` arrived from `learner`, one a minute from time 0.
  static func room(_ events: [(String, ProgressEvent)]) -> ClassRoom {
    var room = ClassRoom()
    var numbers: [String: Int] = [:]
    for (index, (learner, event)) in events.enumerated() {
      numbers[learner, default: 0] += 1
      room.apply(
        .event(learner: learner, name: learner.capitalized, NumberedEvent(number: numbers[learner]!, event: event)),
        at: Double(index * 60))
    }
    return room
  }

  @Test func aFailureLastsUntilThePassAndMakesTheLearnerStuckAfterAWhile() throws {
    let room = Self.room([
      ("ana", .reachedStep(episode: 3, step: 4, of: 20)),
      ("ana", .checked(exercise: "first-conv", passed: false, firstFailure: "output shape", given: "16, 5")),
      ("ana", .checked(exercise: "first-conv", passed: false, firstFailure: "parameter count", given: "16, 3")),
    ])
    let ana = try #require(room.learners["ana"])
    #expect(
      ana.failure
        == LearnerRecord.Failure(exercise: "first-conv", detail: "parameter count", since: 60, isInTheWalk: true))
    #expect(ana.failed == ["first-conv"])
    // Stuck counts from the first failure of the same exercise, not the latest.
    #expect(!ana.isStuck(now: 300, after: 300))
    #expect(ana.isStuck(now: 361, after: 300))
    #expect(ana.lastProgress == 0)
    #expect(room.failedChecks["first-conv"] == ["output shape": 1, "parameter count": 1])

    var passed = room
    passed.apply(
      .event(
        learner: "ana", name: "Ana",
        NumberedEvent(number: 4, event: .checked(exercise: "first-conv", passed: true, firstFailure: nil, given: nil))),
      at: 400)
    let after = try #require(passed.learners["ana"])
    #expect(after.failure == nil && after.passed == ["first-conv"] && after.failed.isEmpty)
    #expect(after.lastProgress == 400)
  }

  @Test func theMostMissedQuestionAndItsMostCommonWrongAnswer() throws {
    let room = Self.room([
      ("ana", .answered(question: "pixels", right: false, given: "255")),
      ("bo", .answered(question: "pixels", right: false, given: " 255 ")),
      ("cy", .answered(question: "pixels", right: false, given: "256")),
      ("cy", .answered(question: "shape", right: false, given: "28")),
      ("cy", .answered(question: "shape", right: true, given: "26")),
    ])
    let missed = try #require(room.mostMissedQuestion)
    #expect(missed.id == "pixels" && missed.total == 3)
    #expect(missed.counts == [.init(text: "255", count: 2), .init(text: "256", count: 1)])
    #expect(room.learners["cy"]?.passed == ["shape"])
    #expect(room.learners["cy"]?.failed == ["pixels"])
    #expect(
      room.learners["bo"]?.failure
        == LearnerRecord.Failure(exercise: "pixels", detail: " 255 ", since: 60, isInTheWalk: true))
  }

  @Test func movingOnInTheWalkEndsAQuestionsFailureButNotAWriteCodeExercises() {
    let room = Self.room([
      ("ana", .answered(question: "pixels", right: false, given: "255")),
      ("ana", .reachedStep(episode: 2, step: 5, of: 9)),
      ("bo", .checked(exercise: "fill", passed: false, firstFailure: "shape", given: "16, 5")),
      ("bo", .reachedStep(episode: 3, step: 2, of: 9)),
      ("cy", .checked(exercise: "model-function", passed: false, firstFailure: "shape", given: nil)),
      ("cy", .reachedStep(episode: 3, step: 9, of: 9)),
    ])
    #expect(room.learners["ana"]?.failure == nil)
    #expect(room.learners["bo"]?.failure == nil)
    #expect(room.learners["cy"]?.failure?.exercise == "model-function")
    #expect(room.learners["ana"]?.failed == ["pixels"])
  }

  @Test func theSpreadCountsLearnersByTheirEpisode() {
    let room = Self.room([
      ("ana", .reachedStep(episode: 1, step: 2, of: 9)),
      ("bo", .reachedStep(episode: 2, step: 1, of: 9)),
      ("cy", .reachedStep(episode: 2, step: 5, of: 9)),
    ])
    #expect(room.spread == [1: 1, 2: 2])
  }

  @Test func seeingTheSolutionEndsBeingStuckAndSkippedNumbersAreCounted() throws {
    var room = ClassRoom()
    room.apply(
      .event(learner: "di", name: "Di", .init(number: 1, event: .answered(question: "q", right: false, given: "1"))),
      at: 0)
    room.apply(.event(learner: "di", name: "Di", .init(number: 5, event: .sawSolution(exercise: "q"))), at: 10)
    let di = try #require(room.learners["di"])
    #expect(di.failure == nil)
    #expect(di.skippedNumbers == 3)
    let again = room.apply(.joined(learner: "di", name: "Di"), at: 20)
    let renamed = room.apply(.joined(learner: "di", name: "Diana"), at: 30)
    #expect(!again && renamed)
    #expect(room.learners["di"]?.name == "Diana")
  }

  @Test func whatTheRoomCountsIsBoundedWhateverLearnersSend() throws {
    var room = ClassRoom()
    for number in 1...(ClassRoom.answerLimit + 30) {
      room.apply(
        .event(
          learner: "eve", name: "Eve",
          .init(number: number, event: .answered(question: "q", right: false, given: "\(number)"))),
        at: Double(number))
    }
    for number in 1...(ClassRoom.exerciseLimit + 20) {
      room.apply(
        .event(
          learner: "eve", name: "Eve",
          .init(number: 1_000 + number, event: .answered(question: "q\(number)", right: false, given: "x"))),
        at: 1_000)
    }
    let answers = try #require(room.wrongAnswers["q"])
    #expect(answers.count == ClassRoom.answerLimit)
    #expect(answers[ClassRoom.otherAnswers] == 31)
    #expect(room.wrongAnswers.count == ClassRoom.exerciseLimit)
    #expect(room.learners["eve"]?.failed.count == ClassRoom.exerciseLimit)
    #expect(room.learners["eve"]?.history.count == LearnerRecord.historyLimit)
  }
}
