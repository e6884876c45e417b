import LessonScript

/// What `lesson verify` requires of every exercise's feedback, read from an episode's script: each
/// question, fill-in and write-code exercise has a hint and an explanation, each fill-in names its
/// blanks, and a hint or explanation that quotes a number has a `swift verify` block in its
/// challenge to check it (numbers in code spans are code, not claims about the run).
enum FeedbackAudit {
  /// The problems of `script`, one sentence each, in document order.
  static func problems(in script: EpisodeScript) -> [String] {
    script.sections { $0.kind == .challenge }.flatMap(problems(in:))
  }

  // MARK: - Private helpers

  private static func problems(in challenge: ScriptSection) -> [String] {
    let hasVerification = contains(challenge.items) { if case .verification = $0 { true } else { false } }
    var problems: [String] = []
    func audit(_ what: String, hints: [String], explanation: String?) {
      if hints.isEmpty { problems.append("\(what) has no hint") }
      if explanation == nil { problems.append("\(what) has no explanation (a solution div in its challenge)") }
      guard !hasVerification else { return }
      for text in hints + [explanation].compactMap({ $0 }) {
        if let number = quotedNumber(in: text) {
          problems.append("\(what) quotes \(number) with no `swift verify` block in its challenge to check it")
          break
        }
      }
    }
    for step in directSteps(of: challenge.items) {
      switch step.kind {
      case .run:
        continue
      case .fillIn(let fillIn, _):
        audit("fill-in \(fillIn.id)", hints: step.hints, explanation: step.explanation)
        if fillIn.names.isEmpty { problems.append("fill-in \(fillIn.id) does not name its blanks (names=)") }
      case .question(let question):
        audit("question \(question.id)", hints: step.hints, explanation: step.explanation)
      }
    }
    let exercises = challenge.items.compactMap { item -> CodeExerciseTask? in
      guard case .section(let section) = item else { return nil }
      return section.exercise
    }
    for exercise in exercises {
      audit("exercise \(exercise.id)", hints: exercise.hints, explanation: exercise.explanation)
    }
    return problems
  }

  /// The steps of a challenge, outside any challenge nested in it.
  private static func directSteps(of items: [ScriptItem]) -> [ScriptStep] {
    items.flatMap { item -> [ScriptStep] in
      switch item {
      case .step(let step): return [step]
      case .section(let section) where section.kind != .challenge: return directSteps(of: section.items)
      default: return []
      }
    }
  }

  private static func contains(_ items: [ScriptItem], where matches: (ScriptItem) -> Bool) -> Bool {
    items.contains { item in
      if matches(item) { return true }
      if case .section(let section) = item { return contains(section.items, where: matches) }
      return false
    }
  }

  /// The first number of two digits or more, or with decimals, in `markdown` outside code spans
  /// and fenced code.
  static func quotedNumber(in markdown: String) -> String? {
    var inCode = false
    var current = ""
    var found: String?
    func finish() {
      let digits = current.filter(\.isNumber).count
      if found == nil, digits >= 2 || current.contains(".") { found = current }
      current = ""
    }
    for character in markdown + " " {
      if character == "`" {
        finish()
        inCode.toggle()
      } else if !inCode && (character.isNumber || (".,".contains(character) && !current.isEmpty)) {
        current.append(character)
      } else {
        while let last = current.last, !last.isNumber { current.removeLast() }
        finish()
      }
      if found != nil { return found }
    }
    return found
  }
}
