import ClassMode
import Foundation
import TerminalUI
import TextEscaping

/// The learner's side of class mode: `lesson class join ADDRESS CODE` and `lesson class leave`.
/// Once joined, every `lesson` of the workspace tells the class of the learner's progress (see
/// `ClassLink`): the step reached, each answer with what was typed, each check with the first
/// failing check's name. Nothing else is sent: no code, no file, no path, no environment.
public struct ClassLearner {
  let lesson: Lesson
  let input: LineInput
  let output: TerminalOutput
  let timing: ClassSender.Timing

  /// A learner's class commands, asking for a name on `input` when none is given.
  public init(
    lesson: Lesson, input: LineInput, output: TerminalOutput = .current, timing: ClassSender.Timing = .init()
  ) {
    self.lesson = lesson
    self.input = input
    self.output = output
    self.timing = timing
  }

  private var screen: Screen { Screen(output: output) }

  /// Joins the class at `address` with `code`, as `name` (asked for when nil), then says at once
  /// whether the instructor's machine answered.
  ///
  /// - Returns: whether the learner is in the class: false when the server refused (a wrong code),
  ///   in which case nothing is kept.
  /// - Throws: `ClassJoinError` for an address, code or name that cannot be right;
  ///   `ClassFileError` when the workspace cannot be written.
  public func join(address: String, code: String, name: String?) throws -> Bool {
    guard let name = name ?? askName() else { throw ClassJoinError.badName("") }
    var membership = try ClassMembership(address: address, code: code, name: name)
    let earlier = ClassMembership.kept(in: lesson.workspace)
    if let earlier, earlier.code == membership.code, earlier.host == membership.host, earlier.port == membership.port {
      // Joining the same class again (to change one's name): the instructor sees the same learner.
      membership.learner = earlier.learner
    }
    let probe = ClassSender(
      host: membership.host, port: membership.port, hello: membership.hello, outbox: NoEvents(), timing: timing)
    let answer = probe.greet()
    if case .refused(let reason) = answer {
      screen.bad("The class at \(membership.address) refused: \(reason.escapedForTerminal()).")
      screen.paragraph("Check the code with your instructor and join again. Nothing was kept.")
      return false
    }
    if earlier != nil && earlier?.learner != membership.learner { forgetWaitingEvents() }
    // A `lesson` already running here sees the new file at its next event (`ClassLink.forWorkspace`).
    try membership.keep(in: lesson.workspace)
    let who = "\(membership.code) at \(membership.address) as \(membership.name.escapedForTerminal())"
    if case .unreachable(let reason) = answer {
      screen.paragraph(
        "Joined \(who). The instructor's machine is not answering yet (\(reason.escapedForTerminal())): your "
          + "progress waits on this laptop and is sent when it answers. If it never does, check the address with "
          + "your instructor, and that you are on the same network.")
    } else {
      screen.good("Joined \(who).")
    }
    screen.paragraph(
      "From now on the instructor sees the step you reach, your answers and the checks you fail: nothing else "
        + "leaves this laptop (no code, no files). `\(LaunchCommand.command("class leave"))` stops it.")
    return true
  }

  /// Leaves the class: nothing more is sent, and the events still waiting are dropped.
  ///
  /// - Throws: `LessonError.notInClass` when the learner had not joined one.
  public func leave() throws {
    guard let membership = ClassMembership.kept(in: lesson.workspace) else { throw LessonError.notInClass }
    let dropped = ClassOutbox(workspace: lesson.workspace).waiting.count
    forgetWaitingEvents()
    try? FileManager.default.removeItem(
      atPath: (lesson.workspace as NSString).appendingPathComponent(ClassMembership.fileName))
    screen.line(
      "You left \(membership.code): nothing more is sent."
        + (dropped > 0 ? " \(dropped) events not yet sent were dropped." : ""))
  }

  // MARK: - Private helpers

  private func askName() -> String? {
    screen.prompt("Your name, as the instructor will see it:")
    return input.readAnswer(echoingTo: output)?.trimmingCharacters(in: .whitespaces)
  }

  private func forgetWaitingEvents() {
    ClassOutbox(workspace: lesson.workspace).removeAll()
  }
}

/// An outbox with nothing in it, for saying hello alone.
private final class NoEvents: EventOutbox, @unchecked Sendable {
  func claimSending() -> Bool { true }
  func releaseSending() {}
  func events(after have: Int, limit: Int) -> [NumberedEvent] { [] }
  func serverHolds(upTo have: Int) {}
}
