import Foundation
import LessonEngine
import TerminalUI

@testable import lesson

/// A `lesson` command line run in this process, as a learner types it, against a workspace of its
/// own: what it printed to each stream and its exit status.
final class InProcessRun: @unchecked Sendable {
  private let lock = NSLock()
  private var outputText = ""
  private var errorText = ""
  let workspace: String

  /// Creates a run in `workspace` (by default a new temporary folder, removed by `removeWorkspace`).
  init(workspace: String? = nil) {
    self.workspace =
      workspace ?? FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString)").path
  }

  /// Everything written to the output.
  var output: String { lock.withLock { outputText } }
  /// Everything written as errors.
  var errors: String { lock.withLock { errorText } }

  /// Runs `arguments` on an output of `capabilities`, reading answers from `input` (by default,
  /// none), and returns the exit status.
  @discardableResult
  func run(_ arguments: [String], capabilities: TerminalCapabilities, input: LineInput = ScriptedInput([])) -> Int32 {
    let context = CommandContext(
      capabilities: capabilities, write: { [self] text in lock.withLock { outputText += text } },
      writeError: { [self] text in lock.withLock { errorText += text } }, input: input, workspace: workspace)
    return LessonCommand.run(arguments: arguments, in: context)
  }

  /// Deletes the workspace.
  func removeWorkspace() {
    try? FileManager.default.removeItem(atPath: workspace)
  }
}
