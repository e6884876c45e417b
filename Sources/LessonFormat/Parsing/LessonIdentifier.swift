/// The one spelling rule shared by exercise ids, question ids and file-name slugs.
enum LessonIdentifier {
  /// Whether `text` is one or more lowercase ASCII letters, digits and hyphens, such as
  /// `first-conv` or `build-a-cnn`.
  static func isWellFormed(_ text: some StringProtocol) -> Bool {
    !text.isEmpty && text.allSatisfy { ("a"..."z").contains($0) || $0.isASCIIDigit || $0 == "-" }
  }
}
