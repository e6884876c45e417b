/// Finds the choices of a multiple-choice question in the prose before it: a Markdown list whose
/// items start with a lowercase letter and a parenthesis.
///
///     Which layer has no weights to learn?
///
///     - a) `Conv2D`
///     - b) `MaxPooling2D`
///       (pooling takes the largest value of each window)
///     - c) `Dense`
///
/// Items may start with `-`, `*` or `+` (indented or not), may be separated by blank lines, and may
/// continue on indented lines, which are joined to the item with a space. The list must end the prose: text
/// after it means the list is not "just before" the block.
enum ChoiceList {
  /// Returns the choices of the list that ends `prose`, in order, or an empty array when the prose
  /// does not end with one.
  static func trailingChoices(in prose: String) -> [(letter: String, text: String)] {
    var choices: [(letter: String, text: String)] = []
    var isInList = false
    for line in prose.split(separator: "\n", omittingEmptySubsequences: false) {
      if let item = item(line) {
        if !isInList { choices = [] }
        choices.append(item)
        isInList = true
      } else if line.isBlank {
        continue
      } else if isInList, line.first?.isSpaceOrTab == true {
        choices[choices.count - 1].text += " " + line.trimmed
      } else {
        choices = []
        isInList = false
      }
    }
    return choices
  }

  /// Returns the letter and text of a list item such as `- b) 16`, or `nil` when the line is not one.
  static func item(_ line: Substring) -> (letter: String, text: String)? {
    var rest = line.drop(while: { $0 == " " })
    guard let bullet = rest.first, "-*+".contains(bullet) else { return nil }
    rest = rest.dropFirst()
    guard rest.first?.isSpaceOrTab == true else { return nil }
    rest = rest.drop(while: \.isSpaceOrTab)
    guard let letter = rest.first, ("a"..."z").contains(letter), rest.dropFirst().first == ")" else { return nil }
    rest = rest.dropFirst(2)
    guard rest.first?.isSpaceOrTab == true, !rest.isBlank else { return nil }
    return (String(letter), rest.trimmed)
  }
}
