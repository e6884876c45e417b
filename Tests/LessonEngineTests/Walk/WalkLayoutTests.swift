import LessonScript
import Testing

@testable import LessonEngine

/// What the walk shows of a script, in order.
@Suite struct WalkLayoutTests {
  func section(
    _ kind: SectionKind, title: String?, audience: ScriptSection.Audience = .everyone,
    exercise: CodeExerciseTask? = nil, _ items: [ScriptItem]
  ) -> ScriptItem {
    .section(ScriptSection(line: 1, kind: kind, title: title, audience: audience, exercise: exercise, items: items))
  }

  func layout(_ items: [ScriptItem]) -> [WalkLayout.Item] {
    WalkLayout(
      EpisodeScript(
        header: EpisodeHeader(
          number: 1, slug: "t", path: "Lessons/01-t.md", title: "T", teachingMinutes: 1, exerciseMinutes: 0,
          training: nil),
        items: items)
    ).items
  }

  @Test func sectionsAreFramedByTheirTitleAndStepsNumberedInOrder() {
    let items = layout([
      .step(ScriptStep(line: 2, code: "a", kind: .run)),
      section(
        .challenge, title: "Challenge",
        [.prose(line: 4, markdown: "Try."), .step(ScriptStep(line: 6, code: "b", kind: .run))]),
      .shownCode(line: 9, language: "bash", code: "ls"),
    ])
    #expect(
      items == [.step(index: 0), .open(title: "Challenge"), .prose("Try."), .step(index: 1), .close, .shownCode("ls")])
  }

  @Test func hintsSolutionsNotesAndVerificationsAreNotShown() {
    let items = layout([
      section(.hint, title: "Hint", audience: .onRequest, [.prose(line: 2, markdown: "psst")]),
      section(.instructor, title: "Instructor note", audience: .instructors, [.prose(line: 5, markdown: "slow")]),
      .verification(line: 8, code: "try check(\"x\", true)"),
      .prose(line: 10, markdown: "Shown."),
    ])
    #expect(items == [.prose("Shown.")])
  }

  @Test func anUntitledSectionShowsItsContentUnframedAndAnExerciseEndsWithItsCommands() {
    let exercise = CodeExerciseTask(id: "sum", task: "Add.", hints: [])
    let items = layout([
      section(
        .challenge, title: nil,
        [section(.exercise, title: "Exercise: write code", exercise: exercise, [.prose(line: 3, markdown: "Add.")])])
    ])
    #expect(items == [.open(title: "Exercise: write code"), .prose("Add."), .exerciseCommands(id: "sum"), .close])
  }
}
