/// Something a learner did that the instructor's dashboard shows: the only things that travel
/// from a learner's laptop in class mode. No code, no file, no path, no environment: an answer
/// typed at a question is sent, since the room's most common wrong answer is what the instructor
/// needs to see.
public enum ProgressEvent: Equatable, Sendable {
  /// The learner reached step `step` (from 1) of `of` in episode `episode`.
  case reachedStep(episode: Int, step: Int, of: Int)
  /// The learner ran every step of episode `episode`.
  case finishedEpisode(Int)
  /// The learner answered question `question`, right or wrong, typing `given`.
  case answered(question: String, right: Bool, given: String)
  /// The checks of exercise `exercise` (a fill-in or a write-code exercise) ran: all passed, or
  /// the first that failed is named `firstFailure`. `given` is what a fill-in's blanks held.
  case checked(exercise: String, passed: Bool, firstFailure: String?, given: String?)
  /// The learner asked to see the solution of `exercise`.
  case sawSolution(exercise: String)
}

extension ProgressEvent {
  /// The event made to pass the server's checks (`MessageLimits`), so that it is never refused:
  /// texts cut to their length, control codes turned into spaces, ids kept to printable ASCII.
  /// A learner's answer may be anything they typed; an author's id may be long.
  public func fittingTheProtocol() -> ProgressEvent {
    switch self {
    case .reachedStep(let episode, let step, let total):
      let fitted = { (number: Int) in min(max(number, 1), MessageLimits.largestStep) }
      return .reachedStep(episode: fitted(episode), step: min(fitted(step), fitted(total)), of: fitted(total))
    case .finishedEpisode(let episode):
      return .finishedEpisode(min(max(episode, 1), MessageLimits.largestStep))
    case .answered(let question, let right, let given):
      return .answered(question: Self.fitted(id: question), right: right, given: Self.fitted(text: given))
    case .checked(let exercise, let passed, let failure, let given):
      return .checked(
        exercise: Self.fitted(id: exercise), passed: passed, firstFailure: failure.map { Self.fitted(text: $0) },
        given: given.map { Self.fitted(text: $0) })
    case .sawSolution(let exercise):
      return .sawSolution(exercise: Self.fitted(id: exercise))
    }
  }

  private static func fitted(id: String) -> String {
    let printable = String(
      String.UnicodeScalarView(id.unicodeScalars.filter { $0.isASCII && $0.value > 32 && $0.value < 127 }))
    return printable.isEmpty ? "unnamed" : String(printable.prefix(MessageLimits.idCharacters))
  }

  private static func fitted(text: String) -> String {
    var fitted = ""
    var bytes = 0
    for character in text.prefix(MessageLimits.textCharacters) {
      let shown = WireFields.hasControls(String(character)) ? " " : String(character)
      bytes += shown.utf8.count
      guard bytes <= MessageLimits.textBytes else { break }
      fitted += shown
    }
    return fitted
  }
}

/// An event with its place in the learner's sequence (from 1), which lets the server keep each
/// learner's events in order, once each, however often they are sent again.
public struct NumberedEvent: Equatable, Sendable {
  /// The event's number: 1 for the learner's first, then one more for each.
  public var number: Int
  /// What happened.
  public var event: ProgressEvent

  /// Creates a numbered event.
  public init(number: Int, event: ProgressEvent) {
    self.number = number
    self.event = event
  }
}
