import LessonScript

/// Writes an episode's script as a Swift expression that rebuilds it, for the generated code: the
/// plain data the engine walks. Each value is written with its labels, one item per line, so the
/// generated file reads like the episode.
enum ScriptLiteral {
  /// The expression of `script`.
  static func expression(of script: EpisodeScript) -> String {
    let training = script.training.map {
      "TrainingWorkload(model: \(string($0.model)), images: \($0.images), epochs: \($0.epochs))"
    }
    return """
      EpisodeScript(
          header: EpisodeHeader(
            number: \(script.number), slug: \(string(script.slug)), path: \(string(script.path)),
            title: \(string(script.title)), teachingMinutes: \(script.teachingMinutes), \
      exerciseMinutes: \(script.exerciseMinutes),
            training: \(training ?? "nil")),
          items: \(list(script.items, indent: "    ")))
      """
  }

  /// `text` as a Swift string literal.
  static func string(_ text: String) -> String {
    var literal = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": literal += "\\\\"
      case "\"": literal += "\\\""
      case "\n": literal += "\\n"
      case "\r": literal += "\\r"
      case "\t": literal += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          literal += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          literal.unicodeScalars.append(scalar)
        }
      }
    }
    return literal + "\""
  }

  // MARK: - Private helpers

  /// `[item, item]`, one item per line at `indent`.
  private static func list(_ items: [ScriptItem], indent: String) -> String {
    guard !items.isEmpty else { return "[]" }
    let inner = indent + "  "
    return "[\n" + items.map { inner + item($0, indent: inner) + ",\n" }.joined() + indent + "]"
  }

  private static func item(_ item: ScriptItem, indent: String) -> String {
    switch item {
    case .prose(let line, let markdown):
      return ".prose(line: \(line), markdown: \(string(markdown)))"
    case .shownCode(let line, let language, let code):
      return ".shownCode(line: \(line), language: \(string(language)), code: \(string(code)))"
    case .step(let step):
      return ".step(\(self.step(step)))"
    case .verification(let line, let code):
      return ".verification(line: \(line), code: \(string(code)))"
    case .section(let section):
      let exercise = section.exercise.map {
        "CodeExerciseTask(id: \(string($0.id)), task: \(string($0.task)), hints: \(strings($0.hints)), "
          + "explanation: \($0.explanation.map(string) ?? "nil"))"
      }
      return ".section(ScriptSection(line: \(section.line), kind: .\(section.kind.rawValue), "
        + "title: \(section.title.map(string) ?? "nil"), audience: .\(audience(section.audience)), "
        + "exercise: \(exercise ?? "nil"), items: \(list(section.items, indent: indent))))"
    }
  }

  private static func step(_ step: ScriptStep) -> String {
    let kind: String
    switch step.kind {
    case .run:
      kind = ".run"
    case .fillIn(let fillIn, let checks):
      kind =
        ".fillIn(FillIn(id: \(string(fillIn.id)), types: \(strings(fillIn.types)), answers: \(strings(fillIn.answers)), "
        + "names: \(strings(fillIn.names))), "
        + "checks: CheckCode(line: \(checks.line), code: \(string(checks.code))))"
    case .question(let question):
      let choices = question.choices.map { "Question.Choice(letter: \(string($0.letter)), text: \(string($0.text)))" }
      kind =
        ".question(Question(id: \(string(question.id)), kind: \(questionKind(question.kind)), "
        + "choices: [\(choices.joined(separator: ", "))], acceptsPercent: \(question.acceptsPercent)))"
    }
    let wrongAnswers = step.wrongAnswers.map { wrong in
      "WrongAnswer(pattern: \(pattern(wrong.pattern)), blank: \(wrong.blank.map(String.init) ?? "nil"), "
        + "feedback: \(string(wrong.feedback)))"
    }
    return "ScriptStep(line: \(step.line), code: \(string(step.code)), kind: \(kind), hints: \(strings(step.hints)), "
      + "explanation: \(step.explanation.map(string) ?? "nil"), wrongAnswers: [\(wrongAnswers.joined(separator: ", "))])"
  }

  private static func pattern(_ pattern: AnswerPattern) -> String {
    switch pattern {
    case .value(let text): return ".value(\(string(text)))"
    case .below(let limit): return ".below(\(limit))"
    case .atMost(let limit): return ".atMost(\(limit))"
    case .above(let limit): return ".above(\(limit))"
    case .atLeast(let limit): return ".atLeast(\(limit))"
    case .between(let low, let high): return ".between(\(low), \(high))"
    }
  }

  private static func questionKind(_ kind: Question.Kind) -> String {
    switch kind {
    case .number(let tolerance): return ".number(tolerance: \(tolerance))"
    case .choice: return ".choice"
    case .text: return ".text"
    }
  }

  private static func audience(_ audience: ScriptSection.Audience) -> String {
    switch audience {
    case .everyone: return "everyone"
    case .onRequest: return "onRequest"
    case .instructors: return "instructors"
    }
  }

  private static func strings(_ texts: [String]) -> String {
    "[" + texts.map(string).joined(separator: ", ") + "]"
  }
}
