import Testing

@testable import lesson

@Suite struct WalkCommandTests {
  @Test func startTakesAnEpisodeAndOptions() throws {
    #expect(try LessonCommand.parse(["start", "3"]) == .walk(.start(episode: 3, pauses: true, from: 1)))
    #expect(
      try LessonCommand.parse(["start", "2", "--no-pause", "--from", "4"])
        == .walk(.start(episode: 2, pauses: false, from: 4)))
  }

  @Test func presentTakesAnEpisodeAndWhereTheNotesGo() throws {
    #expect(try LessonCommand.parse(["present", "3"]) == .walk(.present(episode: 3, from: 1, notesTo: nil)))
    #expect(
      try LessonCommand.parse(["present", "3", "--notes-to", "/dev/pts/3", "--from", "5"])
        == .walk(.present(episode: 3, from: 5, notesTo: "/dev/pts/3")))
    #expect(throws: UsageError.missingArgument(command: "present --notes-to", argument: "file or terminal")) {
      try LessonCommand.parse(["present", "3", "--notes-to"])
    }
  }

  @Test func startRejectsABadEpisodeOrStep() {
    #expect(throws: UsageError.missingArgument(command: "start", argument: "episode number")) {
      try LessonCommand.parse(["start"])
    }
    #expect(
      throws: UsageError.invalidValue(option: "start", value: "three", requirement: "an episode number, such as 3")
    ) {
      try LessonCommand.parse(["start", "three"])
    }
    #expect(throws: UsageError.missingArgument(command: "start --from", argument: "step number")) {
      try LessonCommand.parse(["start", "1", "--from"])
    }
    #expect(throws: UsageError.invalidValue(option: "--from", value: "four", requirement: "a step number, such as 4")) {
      try LessonCommand.parse(["start", "1", "--from", "four"])
    }
    #expect(throws: UsageError.unexpectedArgument("--fast")) { try LessonCommand.parse(["start", "1", "--fast"]) }
  }

  @Test func exerciseCommandsTakeAnID() throws {
    #expect(try LessonCommand.parse(["exercise", "conv-count"]) == .walk(.exercise("conv-count")))
    #expect(try LessonCommand.parse(["check"]) == .walk(.check(nil)))
    #expect(try LessonCommand.parse(["check", "conv-count"]) == .walk(.check("conv-count")))
    #expect(try LessonCommand.parse(["watch"]) == .walk(.watch(nil)))
    #expect(try LessonCommand.parse(["solution", "a"]) == .walk(.solution("a")))
    #expect(try LessonCommand.parse(["reset", "a"]) == .walk(.reset("a")))
    let missing = #expect(throws: UsageError.self) { try LessonCommand.parse(["solution"]) }
    #expect(missing?.description == "`lesson solution` needs an exercise ID.")
  }

  @Test func hintsAreNumberedFromOne() throws {
    #expect(try LessonCommand.parse(["hint", "a"]) == .walk(.hint("a", number: nil)))
    #expect(try LessonCommand.parse(["hint", "a", "2"]) == .walk(.hint("a", number: 2)))
    #expect(throws: UsageError.invalidValue(option: "hint", value: "0", requirement: "a hint number, such as 2")) {
      try LessonCommand.parse(["hint", "a", "0"])
    }
  }

  @Test func instructorCommandsTakeAnEpisode() throws {
    #expect(try LessonCommand.parse(["catch-up", "4"]) == .walk(.catchUp(4)))
    #expect(try LessonCommand.parse(["instructor", "2"]) == .walk(.instructor(2)))
    #expect(try LessonCommand.parse(["handout"]) == .walk(.handout))
    #expect(try LessonCommand.parse(["doctor"]) == .walk(.doctor))
    #expect(try LessonCommand.parse(["verify"]) == .walk(.verify(episodes: [])))
    #expect(try LessonCommand.parse(["verify", "2", "5"]) == .walk(.verify(episodes: [2, 5])))
    #expect(throws: UsageError.unexpectedArgument("now")) { try LessonCommand.parse(["doctor", "now"]) }
  }

  @Test func aMistypedWalkCommandGetsASuggestion() {
    let error = #expect(throws: UsageError.self) { try LessonCommand.parse(["chek"]) }
    #expect(error?.description == "'chek' is not a lesson command. Did you mean 'check'?")
  }
}
