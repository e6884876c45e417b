import LessonScript

/// A line that opens or closes a fenced div, in the Pandoc style the Carpentries use.
///
///     :::::::::::::::: challenge          opens a `challenge` div
///     ::: exercise id=build-model         opens an `exercise` div with one attribute
///     ::::::challenge                     the space after the colons is optional
///     ::::::::::::::::                    closes the innermost open div
///
/// Up to three spaces may come before the colons, as for code fences. A run of colons at the end of
/// an opening line (`::: callout :::`, which Pandoc allows) is ignored.
enum DivFence: Equatable {
  /// An opening fence; carries the text after the colons: the name and any `key=value` words.
  case open(header: String)
  /// A closing fence: only colons.
  case close

  /// Recognises a div fence, or returns `nil` when the line is not one.
  init?(line: String) {
    let indent = line.leadingSpaceCount
    guard indent <= 3 else { return nil }
    let rest = line.dropFirst(indent)
    let colons = rest.prefix(while: { $0 == ":" }).count
    guard colons >= 3 else { return nil }
    var header = Substring(rest.dropFirst(colons).trimmed)
    while header.last == ":" { header = header.dropLast() }
    header = Substring(header.trimmed)
    self = header.isEmpty ? .close : .open(header: String(header))
  }

  /// The attribute keys each kind of div accepts; a div not listed takes none.
  static let attributeKeys: [SectionKind: [String]] = [.exercise: ["id"], .wrong: ["answer", "blank"]]

  /// Reads an opening fence's header into the div's kind and attributes.
  ///
  /// Attribute values may be wrapped in double quotes, which are removed.
  ///
  /// - Throws: `FenceProblem.unknownDiv` for a name not in `SectionKind`; an `InfoStringProblem` (inside
  ///   `FormatProblem`) for a word that is not `key=value`, an unknown or repeated key, an `exercise`
  ///   without `id`, or an id that is not lowercase letters, digits and hyphens.
  static func parseHeader(_ header: String) throws(FormatProblem) -> (kind: SectionKind, attributes: [String: String]) {
    let name = header.prefix(while: { !$0.isSpaceOrTab })
    guard let kind = SectionKind(rawValue: String(name)) else { throw .fence(.unknownDiv(name: String(name))) }
    do throws(InfoStringProblem) {
      let words = try AttributeWord.split(String(header.dropFirst(name.count)))
      if let bare = words.first(where: { $0.key == nil }) { throw .bareWordOnDiv(bare.text, div: kind) }
      let attributes = try AttributeWord.dictionary(
        words, allowedKeys: attributeKeys[kind] ?? [], owner: .div(kind)
      ).mapValues(AttributeWord.unquoted)
      if kind == .wrong {
        guard attributes["answer"] != nil else {
          throw .missingKey("answer", owner: .div(kind), example: "::: wrong answer=9")
        }
        if let blank = attributes["blank"], (Int(blank) ?? 0) < 1 { throw .badBlankNumber(blank) }
      }
      guard kind == .exercise else { return (kind, attributes) }
      guard let id = attributes["id"] else {
        throw .missingKey("id", owner: .div(kind), example: "::: exercise id=build-model")
      }
      guard LessonIdentifier.isWellFormed(id) else { throw .malformedID(id) }
      return (kind, attributes)
    } catch {
      throw .infoString(error)
    }
  }
}
