import Foundation
import TextEscaping

/// How an event reads in the instructor's terminal, in one line: the piped dashboard prints one for
/// each event, and a learner's history lists them. Everything a learner sent is escaped.
public enum EventWording {
  /// "Ana reached step 3 of 20 of episode 1", "Ana answered pixel-count (episode 2) wrong: "255"".
  public static func sentence(_ arrival: ClassServer.Arrival, syllabus: ClassSyllabus) -> String {
    switch arrival {
    case .joined(_, let name): return "\(name.escapedForTerminal()) joined"
    case .event(_, let name, let numbered):
      return "\(name.escapedForTerminal()) " + phrase(numbered.event, syllabus: syllabus)
    }
  }

  /// What the event says the learner did, without their name: "reached step 3 of 20 of episode 1".
  public static func phrase(_ event: ProgressEvent, syllabus: ClassSyllabus) -> String {
    switch event {
    case .reachedStep(let episode, let step, let total):
      return "reached step \(step) of \(total) of episode \(episode)"
    case .finishedEpisode(let episode):
      return "finished episode \(episode)"
    case .answered(let question, let right, let given):
      return "answered \(syllabus.naming(question)) " + (right ? "right" : "wrong: \(quoted(given))")
    case .checked(let exercise, let passed, let failure, let given):
      guard !passed else { return "passed \(syllabus.naming(exercise))" }
      var phrase = "failed \(syllabus.naming(exercise))"
      if let failure { phrase += " at \(quoted(failure))" }
      if let given { phrase += " with \(quoted(given))" }
      return phrase
    case .sawSolution(let exercise):
      return "saw the solution of \(syllabus.naming(exercise))"
    }
  }

  /// A time of day as the instructor's clock shows it: "14:05:09". (Called for every event a
  /// pipe prints, on the server's thread: no formatter is made for it.)
  public static func clock(_ time: Double) -> String {
    var seconds = time_t(time.rounded(.down))
    var parts = tm()
    localtime_r(&seconds, &parts)
    return [parts.tm_hour, parts.tm_min, parts.tm_sec].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
  }

  /// Minutes since `time`, short: "0m", "12m", "2h05".
  public static func elapsed(since time: Double, now: Double) -> String {
    let minutes = Int(min(max((now - time) / 60, 0), 999_999))
    return minutes < 60 ? "\(minutes)m" : String(format: "%dh%02d", minutes / 60, minutes % 60)
  }

  /// A number with its noun, singular or plural: "1 learner", "60 learners".
  public static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  /// Text a learner typed, escaped and in quotes.
  static func quoted(_ text: String) -> String {
    "\"\(text.escapedForTerminal())\""
  }
}
