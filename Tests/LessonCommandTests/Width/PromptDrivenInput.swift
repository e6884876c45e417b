import Foundation
import LessonEngine
import LessonScript

/// Answers a walk the way a curious learner does, by reading the prompt the walk last printed:
/// Enter runs a step (the second step prompt asks to go back, the third for a hint); a question
/// gets a wrong answer, then a hint, then the solution; a fill-in's blanks first get a value that
/// is not of their type, then the episode's answers.
final class PromptDrivenInput: LineInput {
  private let printed: () -> String
  private let fillIns: [[String]]
  private var stepPrompts = 0
  private var failures = 0
  private var fillInIndex = -1
  /// Whether the current fill-in's blanks get wrong values (the first round) or its answers.
  private var fillInRound: FillInRound?
  private var linesRead = 0
  private var printedBefore = 0

  private enum FillInRound { case wrong, right }

  /// The most lines a walk may read before the input ends it, so that a prompt this input does
  /// not know cannot loop for ever.
  static let limit = 2_000

  /// Creates the input for a walk of `script`, reading what was printed so far from `printed`.
  init(script: EpisodeScript, printed: @escaping () -> String) {
    self.printed = printed
    fillIns = script.steps.compactMap { step in
      if case .fillIn(let fillIn, _) = step.kind { return fillIn.answers }
      return nil
    }
  }

  var echoes: Bool { true }

  func readLine() -> String? {
    linesRead += 1
    guard linesRead <= Self.limit else { return nil }
    // The prompt is what was printed since the last answer (a long prompt wraps over lines).
    let text = printed()
    let start = text.index(text.startIndex, offsetBy: Swift.min(printedBefore, text.count))
    printedBefore = text.count
    let prompt = Self.withoutEscapes(text[start...]).split(separator: "\n").last.map(String.init) ?? ""
    let wholePrompt = Self.withoutEscapes(text[start...]).replacingOccurrences(of: "\n", with: " ")
    if prompt.hasSuffix("› ") && prompt.contains("run") {
      fillInRound = nil
      stepPrompts += 1
      return [2: "b", 3: "h"][stepPrompts] ?? ""
    }
    if prompt.hasSuffix("› ") && prompt.contains("again") {
      fillInRound = nil
      failures += 1
      return failures % 2 == 1 ? "h" : "s"
    }
    if prompt.hasSuffix("Your answer: ") {
      fillInRound = nil
      return "9"
    }
    guard let blankStart = wholePrompt.range(of: "Blank ", options: .backwards),
      let blank = Int(wholePrompt[blankStart.upperBound...].prefix { $0.isNumber })
    else { return "" }
    if blank == 1 {
      switch fillInRound {
      case nil:
        fillInIndex += 1
        fillInRound = .wrong
      case .wrong: fillInRound = .right
      case .right: break
      }
    }
    guard fillInRound == .right else { return "zzz" }
    let answers = fillIns.indices.contains(fillInIndex) ? fillIns[fillInIndex] : []
    return answers.indices.contains(blank - 1) ? answers[blank - 1] : ""
  }

  /// `text` without its escape sequences (`ESC [ … letter`), as a learner reads it.
  private static func withoutEscapes(_ text: Substring) -> String {
    var plain = ""
    var insideEscape = false
    for character in text {
      if insideEscape {
        insideEscape = !character.isLetter
      } else if character == "\u{1B}" {
        insideEscape = true
      } else {
        plain.append(character)
      }
    }
    return plain
  }
}
