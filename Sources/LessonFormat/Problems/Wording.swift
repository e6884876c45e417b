import TextTools

/// Phrases that several problem messages share, so they read the same everywhere.
enum Wording {
  /// Returns the names quoted and joined as in a sentence: `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`.
  static func quotedList(_ names: [String]) -> String {
    let quoted = names.map { "'\($0)'" }
    guard let last = quoted.last else { return "" }
    guard quoted.count > 1 else { return last }
    return quoted.dropLast().joined(separator: ", ") + " and " + last
  }

  /// Returns a count with its noun, singular or plural: `1 blank`, `3 blanks`.
  static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
    "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
  }

  /// Returns the message for a name nobody knows: `head`, then the closest known name if one is
  /// near, then `listing`, the sentence that says what is known.
  ///
  ///     unknown div 'challange'; did you mean 'challenge'? The known divs are …
  ///     unknown div 'sidebar'. The known divs are …
  static func unknown(_ head: String, found: String, among known: [String], then listing: String) -> String {
    guard let closest = ClosestName.find(to: found, among: known) else { return "\(head). \(listing)" }
    return "\(head); did you mean '\(closest)'? \(listing)"
  }

  /// Returns the phrase for a thing named with an article: `a 'hint' div`, `an 'exercise' div`.
  static func withArticle(_ name: String, _ noun: String) -> String {
    let article = name.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    return "\(article) '\(name)' \(noun)"
  }
}
