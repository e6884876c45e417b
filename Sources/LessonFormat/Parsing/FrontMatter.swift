import LessonScript

/// The settings between the two `---` lines at the top of an episode.
///
///     ---
///     title: "Build a convolutional neural network"
///     teaching: 30
///     exercises: 20
///     training: lesson 1000 10
///     ---
///
/// Each line is `key: value`, split at its first colon, so a title may contain colons. Blank lines
/// are skipped. A title may be wrapped in one pair of `"` or `'` quotes, which are removed (nothing
/// inside them is unescaped).
struct FrontMatter: Equatable {
  /// The episode's title, without surrounding quotes.
  var title: String
  /// Minutes of teaching, `teaching:`.
  var teachingMinutes: Int
  /// Minutes of exercises, `exercises:`.
  var exerciseMinutes: Int
  /// The optional `training: MODEL IMAGES EPOCHS`.
  var training: TrainingWorkload?
  /// The index in the file's lines of the first line after the closing `---`.
  var bodyStart: Int

  /// The keys the front matter may hold, required ones first.
  static let knownKeys = ["title", "teaching", "exercises", "training"]

  /// Reads the front matter at the top of `lines`.
  ///
  /// - Throws: a `FrontMatterProblem` at its line when the block is missing or unclosed, a line is
  ///   not `key: value`, a key is unknown, repeated or missing, or a value is not what its key needs.
  static func parse(_ lines: [String]) throws(LocatedProblem) -> FrontMatter {
    guard let first = lines.first, isMarker(first) else {
      throw LocatedProblem(line: 1, .frontMatter(.missingOpening(found: lines.first)))
    }
    guard let closing = lines.indices.dropFirst().first(where: { isMarker(lines[$0]) }) else {
      throw LocatedProblem(line: 1, .frontMatter(.unclosed))
    }
    var entries: [String: (value: String, line: Int)] = [:]
    for index in 1..<closing where !lines[index].isBlank {
      let line = index + 1
      guard let (key, value) = keyAndValue(lines[index]) else {
        throw LocatedProblem(line: line, .frontMatter(.notKeyValue(lines[index].trimmed)))
      }
      guard knownKeys.contains(key) else { throw LocatedProblem(line: line, .frontMatter(.unknownKey(key))) }
      if let earlier = entries[key] {
        throw LocatedProblem(line: line, .frontMatter(.duplicateKey(key, firstLine: earlier.line)))
      }
      entries[key] = (value, line)
    }

    func required(_ key: String) throws(LocatedProblem) -> (value: String, line: Int) {
      guard let entry = entries[key] else {
        throw LocatedProblem(line: closing + 1, .frontMatter(.missingKey(key)))
      }
      return entry
    }
    func read<Value>(
      _ entry: (value: String, line: Int), _ parse: (String) throws(FrontMatterProblem) -> Value
    ) throws(LocatedProblem) -> Value {
      do throws(FrontMatterProblem) { return try parse(entry.value) } catch {
        throw LocatedProblem(line: entry.line, .frontMatter(error))
      }
    }
    return FrontMatter(
      title: try read(required("title"), unquotedTitle),
      teachingMinutes: try read(required("teaching"), minutes(for: "teaching")),
      exerciseMinutes: try read(required("exercises"), minutes(for: "exercises")),
      training: try entries["training"].map { entry throws(LocatedProblem) in try read(entry, workload) },
      bodyStart: closing + 1)
  }

  // MARK: - Private helpers

  /// Whether a line is a `---` marker (trailing spaces allowed).
  private static func isMarker(_ line: String) -> Bool {
    line.trimmed == "---" && line.first == "-"
  }

  /// Returns the key and value of a `key: value` line, or `nil` when it has no colon or the part
  /// before it is not one word.
  private static func keyAndValue(_ line: String) -> (String, String)? {
    guard let colon = line.firstIndex(of: ":") else { return nil }
    let key = line[..<colon].trimmed
    guard !key.isEmpty, !key.contains(where: \.isSpaceOrTab) else { return nil }
    return (key, line[line.index(after: colon)...].trimmed)
  }

  /// Returns the title without one pair of surrounding quotes.
  private static func unquotedTitle(_ value: String) throws(FrontMatterProblem) -> String {
    var title = value
    if let quote = value.first, quote == "\"" || quote == "'" {
      guard value.count >= 2, value.last == quote else { throw .unbalancedQuote(value) }
      title = String(value.dropFirst().dropLast())
    }
    guard !title.isBlank else { throw .emptyTitle }
    return title
  }

  /// Returns a reader of the whole number of minutes (0 allowed) that `key` holds.
  private static func minutes(for key: String) -> (String) throws(FrontMatterProblem) -> Int {
    { value throws(FrontMatterProblem) in
      guard let number = wholeNumber(value) else { throw .notMinutes(key: key, found: value) }
      return number
    }
  }

  /// Returns the workload in `MODEL IMAGES EPOCHS`.
  private static func workload(_ value: String) throws(FrontMatterProblem) -> TrainingWorkload {
    let words = value.words.map(String.init)
    guard words.count == 3 else { throw .trainingShape(found: value) }
    let isWordCharacter = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") }
    guard words[0].allSatisfy(isWordCharacter) else { throw .trainingModel(words[0]) }
    guard let images = wholeNumber(words[1]), images > 0 else { throw .trainingCount(what: "images", found: words[1]) }
    guard let epochs = wholeNumber(words[2]), epochs > 0 else { throw .trainingCount(what: "epochs", found: words[2]) }
    return TrainingWorkload(model: words[0], images: images, epochs: epochs)
  }

  /// Returns the value of a string of ASCII digits, or `nil` for anything else (signs, decimals,
  /// units, numbers too big for `Int`).
  private static func wholeNumber(_ text: String) -> Int? {
    guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit) else { return nil }
    return Int(text)
  }
}
