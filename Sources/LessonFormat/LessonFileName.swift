/// The naming rule for episode files: `NN-slug.md`.
///
/// `NN` is the episode's number, exactly two digits from `01` to `99`; `slug` is one or more
/// lowercase letters, digits and hyphens.
///
///     LessonFileName.parse("03-build-a-cnn.md")  // (number: 3, slug: "build-a-cnn")
///     LessonFileName.parse("3-build.md")         // nil: the number needs two digits
public enum LessonFileName {
  /// Returns the number and slug of an episode file name, or `nil` when it does not follow
  /// `NN-slug.md`.
  ///
  /// - Parameter fileName: the file's name alone, without its folder.
  public static func parse(_ fileName: String) -> (number: Int, slug: String)? {
    guard fileName.hasSuffix(".md") else { return nil }
    let stem = fileName.dropLast(3)
    let digits = stem.prefix(2)
    guard digits.count == 2, digits.allSatisfy(\.isASCIIDigit), let number = Int(digits), number >= 1 else {
      return nil
    }
    let rest = stem.dropFirst(2)
    guard rest.first == "-" else { return nil }
    let slug = rest.dropFirst()
    guard LessonIdentifier.isWellFormed(slug) else { return nil }
    return (number, String(slug))
  }
}
