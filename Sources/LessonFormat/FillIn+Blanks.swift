import LessonScript

extension FillIn {
  /// The marker of a blank in the code: five or more underscores.
  static let blankPattern = "_____"

  /// Returns how many blanks `code` has: runs of five or more underscores, each counted once however
  /// long (`__init__`, with two, is not a blank).
  static func blankCount(in code: String) -> Int {
    var count = 0
    var run = 0
    for character in code + "\n" {
      if character == "_" {
        run += 1
      } else {
        if run >= blankPattern.count { count += 1 }
        run = 0
      }
    }
    return count
  }
}
