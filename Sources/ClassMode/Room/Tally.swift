/// What one question or exercise was counted for across the class: its wrong answers, or its
/// first failing checks, most counted first.
public struct Tally: Equatable, Sendable {
  /// One answer (or check name) and how often it was counted.
  public struct Count: Equatable, Sendable {
    /// The answer, or the check's name.
    public var text: String
    /// How often.
    public var count: Int
  }

  /// The question or exercise.
  public var id: String
  /// Every count added up.
  public var total: Int
  /// The answers (or checks), most counted first, in order of text among equals.
  public var counts: [Count]

  /// The tallies of a table of counts by id and text (`ClassRoom.wrongAnswers`, `failedChecks`),
  /// the greatest total first, in order of id among equals.
  public static func ranked(_ table: [String: [String: Int]]) -> [Tally] {
    table.map { id, counts in
      Tally(
        id: id, total: counts.values.reduce(0, +),
        counts: counts.map { Count(text: $0.key, count: $0.value) }.sorted { ($1.count, $0.text) < ($0.count, $1.text) }
      )
    }
    .sorted { ($1.total, $0.id) < ($0.total, $1.id) }
  }
}
