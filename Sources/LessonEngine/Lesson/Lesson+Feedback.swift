import LessonScript

extension Lesson {
  /// What `lesson hint` and `lesson solution` show of one exercise: a question, a fill-in or a
  /// write-code exercise, with its hints and explanation.
  public struct ExerciseFeedback {
    /// What kind of exercise it is, with what its solution shows.
    public enum Kind {
      /// A write-code exercise: its solution is a file.
      case code(CodeExercise)
      /// A fill-in: its solution is the value of each blank.
      case fillIn(FillIn)
      /// A question: its answer is computed by the run, so its solution is the explanation.
      case question(Question)
    }

    /// The exercise's id.
    public let id: String
    /// Its hints, in order, in Markdown.
    public let hints: [String]
    /// Why the answer is what it is, in Markdown.
    public let explanation: String?
    /// What kind of exercise it is.
    public let kind: Kind
  }

  /// Every exercise and question id, in lesson order, as `lesson list` shows them.
  public var exerciseIDs: [String] {
    entries.flatMap(\.script.exerciseIDs)
  }

  /// The hints and explanation of the exercise or question `id`, or nil when the lesson has none
  /// of that id.
  public func feedback(for id: String) -> ExerciseFeedback? {
    if let exercise = codeExercise(id),
      let task = entries.lazy.flatMap(\.script.codeExercises).first(where: { $0.id == id })
    {
      return ExerciseFeedback(id: id, hints: task.hints, explanation: task.explanation, kind: .code(exercise))
    }
    guard let step = entries.lazy.flatMap(\.script.steps).first(where: { $0.exerciseID == id }) else { return nil }
    switch step.kind {
    case .fillIn(let fillIn, _):
      return ExerciseFeedback(id: id, hints: step.hints, explanation: step.explanation, kind: .fillIn(fillIn))
    case .question(let question):
      return ExerciseFeedback(id: id, hints: step.hints, explanation: step.explanation, kind: .question(question))
    case .run:
      return nil
    }
  }
}
