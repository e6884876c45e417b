/// Finds the known name a mistyped one was probably meant to be, for "did you mean …?" messages.
///
/// The one rule for the whole project (episode files, commands, options, model names, exercise
/// ids): a candidate is near enough when its edit distance from the typed name, ignoring case, is
/// at most one per three characters of the candidate, and always at least one.
public enum ClosestName {
  /// Returns the candidate nearest to `found`, or `nil` when none is near enough to be a likely typo.
  ///
  /// Names are compared ignoring case, by `editDistance`. A candidate is near enough within one
  /// edit per three characters of its length, and always within one edit: `challange` →
  /// `challenge`, `Hint` → `hint`, `titel` → `title`, `idd` → `id`, but `id` is not taken for
  /// `kind`. On a tie the earlier candidate wins.
  public static func find(to found: String, among candidates: [String]) -> String? {
    let target = Array(found.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(target, Array(candidate.lowercased()))
      guard distance <= allowedEdits(for: candidate) else { continue }
      if best == nil || distance < best!.distance { best = (candidate, distance) }
    }
    return best?.name
  }

  /// Returns how many edits a typo of `candidate` may have: one per three characters, at least one.
  public static func allowedEdits(for candidate: String) -> Int {
    max(1, candidate.count / 3)
  }

  /// Returns the edit distance between two character arrays: the fewest single-character
  /// insertions, deletions, substitutions and swaps of two neighbours that turn one into the other.
  ///
  /// Swaps count as one edit because they are the commonest typo (`titel` for `title`); this is the
  /// "optimal string alignment" form of the Damerau–Levenshtein distance, which never edits a
  /// swapped pair again.
  ///
  /// - Complexity: O(a.count · b.count) time, O(b.count) memory (three rows of the table).
  public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var beforePrevious: [Int] = []
    var previous = Array(0...b.count)
    for i in a.indices {
      var current = [i + 1]
      for j in b.indices {
        let substitution = previous[j] + (a[i] == b[j] ? 0 : 1)
        var best = min(substitution, previous[j + 1] + 1, current[j] + 1)
        if i > 0, j > 0, a[i] == b[j - 1], a[i - 1] == b[j] {
          best = min(best, beforePrevious[j - 1] + 1)
        }
        current.append(best)
      }
      beforePrevious = previous
      previous = current
    }
    return previous[b.count]
  }
}
