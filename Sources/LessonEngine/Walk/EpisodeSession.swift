import ClassMode
import Foundation
import LessonScript
import TerminalUI

/// Walks one episode: the generated code of the episode calls it before and after each step, naming
/// the step by its line in the Markdown, and it shows what the script holds up to there, shows the
/// step's code, waits for the learner, runs, and records progress.
///
/// Keys at a step (typed, then Enter, so pipes and scripts work too):
/// Enter runs it; `s` runs it quietly (its output is not shown); `b` shows the step before again,
/// with its output; `h` gives a hint; `q` quits, keeping the place.
public final class EpisodeSession: @unchecked Sendable {
  /// The script of the episode walked.
  public let script: EpisodeScript
  /// What the walk shows, in order.
  let layout: WalkLayout
  /// The steps, in order: a step's number is its place here, from 1.
  let steps: [ScriptStep]
  /// The place in `steps` of the step at each line.
  private let stepIndices: [Int: Int]
  let options: WalkOptions
  let input: LineInput
  let screen: Screen
  let progress: ProgressStore?
  /// Tells the class the learner joined of their progress; nil where the walk keeps no progress.
  let tellClass: ((ProgressEvent) -> Void)?
  /// The presenter's clock and notes, when the episode is presented (`lesson present`).
  let presenter: Presenter?
  /// The projected screen, when the episode is presented.
  let slides: SlideScreen?
  /// The step on the projected screen (from 0), for its header; nil before the first.
  var presentedStep: Int?

  private var cursor = 0
  /// Whether a failure to record progress has been shown: once is enough, not at every step.
  private var progressFailureShown = false
  /// Whether step output is being silenced (a step run quietly, or fast-forwarded).
  private(set) var quiet = false
  private var transcript = ""
  private var transcripts: [Int: String] = [:]
  /// What `lesson verify` reports for this episode: exercises whose checks failed when answered
  /// with their solutions, and `swift verify` blocks whose text does not match the run.
  var verificationFailures: [String] = []

  /// Creates a session for the episode `script` describes, writing to `output`; with a
  /// `presenter`, the episode is presented on `output` (see `EpisodeSession+Presenting.swift`).
  public init(
    script: EpisodeScript, options: WalkOptions, input: LineInput, output: TerminalOutput, progress: ProgressStore?,
    presenter: Presenter? = nil, tellClass: ((ProgressEvent) -> Void)? = nil
  ) {
    self.script = script
    self.layout = WalkLayout(script)
    self.steps = script.steps
    self.stepIndices = Dictionary(uniqueKeysWithValues: script.steps.enumerated().map { ($1.line, $0) })
    self.options = options
    self.input = input
    self.progress = progress
    self.presenter = presenter
    self.tellClass = tellClass
    let slides = presenter.map { _ in SlideScreen(device: output, input: input) }
    self.slides = slides
    self.screen = Screen(output: slides?.output ?? output)
    slides?.header = { [weak self] in self?.presentationHeader ?? "" }
  }

  /// The output lesson code writes to while the episode runs: shown, kept for going back, or
  /// silenced, as the current step requires.
  var stepOutput: TerminalOutput {
    TerminalOutput(capabilities: screen.capabilities) { [self] text in
      guard !quiet else { return }
      transcript += text
      screen.output.write(text)
    }
  }

  /// The number of steps.
  var stepCount: Int { steps.count }

  /// The place in `steps` of the step whose code starts at `line`.
  ///
  /// - Throws: `LessonError.noStepAtLine` when the script has no step there: the generated code and
  ///   its script disagree, which only a hand-written episode can do.
  func stepIndex(atLine line: Int) throws -> Int {
    guard let index = stepIndices[line] else { throw LessonError.noStepAtLine(line, path: script.path) }
    return index
  }

  // MARK: - Called by generated code

  /// Shows everything up to the step whose code starts at `line`, then the step's code, and waits
  /// for the learner.
  ///
  /// - Throws: `WalkStop` when the learner quits or the input ends.
  public func willRun(line: Int) throws {
    let step = try stepIndex(atLine: line)
    let number = step + 1
    guard number >= options.firstStep else {
      skipToStep(step)
      quiet = true
      return
    }
    quiet = false
    transcript = ""
    if presenter != nil {
      try presentStep(step)
      return
    }
    try show(upToStep: step)
    screen.code(steps[step].code, step: number, of: stepCount)
    recordProgress(telling: .reachedStep(episode: script.number, step: number, of: stepCount)) {
      try $0.reached(step: number, of: stepCount, episode: script.number)
    }
    guard options.pauses else { return }
    try waitForRun(step: step)
  }

  /// Runs `body` with the step output silenced when `isQuiet`, as for a step run quietly.
  func silenced<Result>(if isQuiet: Bool, _ body: () throws -> Result) rethrows -> Result {
    let wasQuiet = quiet
    quiet = quiet || isQuiet
    defer { quiet = wasQuiet }
    return try body()
  }

  /// Keeps what the step whose code starts at `line` printed, for going back.
  public func didRun(line: Int) throws {
    let step = try stepIndex(atLine: line)
    transcripts[step] = transcript
    quiet = false
    if presenter != nil, !transcript.isEmpty, step + 1 >= options.firstStep {
      try waitForPresenter(to: "go on", step: step)
    }
  }

  /// Shows the rest of the episode and records it as done.
  public func finish() throws {
    if presenter != nil { presentEnd() }
    try show(upToItem: layout.items.count)
    recordProgress(telling: .finishedEpisode(script.number)) { try $0.finished(episode: script.number) }
    screen.line()
    screen.good("Episode \(script.number) complete: \(script.title)")
  }

  /// Records a change of progress, if this walk keeps any, and tells the class `event` when the
  /// learner joined one. The walk goes on when the file cannot be written; the learner is told,
  /// the first time only.
  func recordProgress(telling event: ProgressEvent? = nil, _ change: (ProgressStore) throws -> Void) {
    guard let progress else { return }
    if let event { tellClass?(event) }
    do {
      try change(progress)
    } catch {
      guard !progressFailureShown else { return }
      progressFailureShown = true
      screen.bad("\(error)")
    }
  }

  // MARK: - Showing

  /// Shows every item before step `step`.
  ///
  /// - Throws: `WalkStop` when a presenter quits at a write-code exercise.
  func show(upToStep step: Int) throws {
    try show(upToItem: layout.itemIndex(ofStep: step) ?? layout.items.count)
    cursor = (layout.itemIndex(ofStep: step) ?? cursor) + 1
  }

  /// Moves past everything before step `step` without showing it (for `--from`).
  private func skipToStep(_ step: Int) {
    cursor = (layout.itemIndex(ofStep: step) ?? cursor) + 1
  }

  private func show(upToItem end: Int) throws {
    while cursor < end && cursor < layout.items.count {
      // Prose and shown code are set off by a blank line, except right under a section's title.
      let followsTitle = cursor > 0 && layout.items[cursor - 1].isOpening
      switch layout.items[cursor] {
      case .prose(let text):
        if !followsTitle { screen.line() }
        screen.prose(text)
      case .open(let title): screen.open(title)
      case .close: screen.close()
      case .shownCode(let code):
        if !followsTitle { screen.line() }
        screen.lines(highlightedSwift(code, for: screen.capabilities, indentedBy: 2))
      case .exerciseCommands(let id):
        noteExercise(id)
        screen.line()
        screen.prose(
          "In your own file: `\(LaunchCommand.command("exercise \(id)"))`, edit the file it names, then "
            + "`\(LaunchCommand.command("check \(id)"))`.")
        try pauseForExercise()
      case .step: break
      }
      cursor += 1
    }
  }

  // MARK: - Waiting

  private func waitForRun(step: Int) throws {
    while true {
      screen.prompt("[Enter] run · s run quietly · b back · h hint · q quit ›", narrow: "[Enter] run · s b h q ›")
      guard let answer = input.readAnswer(echoingTo: screen.output)?.trimmingCharacters(in: .whitespaces).lowercased()
      else {
        screen.line()
        throw WalkStop.inputEnded(step: step + 1)
      }
      switch answer {
      case "", "r", "run":
        return
      case "s", "skip":
        quiet = true
        screen.line("(running quietly)")
        return
      case "b", "back":
        showPrevious(before: step)
      case "h", "hint":
        showHint(step: step, count: 1)
      case "q", "quit":
        throw WalkStop.quit(step: step + 1)
      default:
        screen.line("Type Enter to run the step, or s, b, h or q.")
      }
    }
  }

  /// Shows the step before `step` again with what it printed, then `step`'s code.
  func showPrevious(before step: Int) {
    guard step > 0 else {
      screen.line("This is the first step.")
      return
    }
    screen.code(steps[step - 1].code, step: step, of: stepCount, label: "Back to step")
    let output = transcripts[step - 1] ?? ""
    screen.line(output.isEmpty ? "(it printed nothing)" : "It printed:")
    if !output.isEmpty { screen.output.write(output.hasSuffix("\n") ? output : output + "\n") }
    screen.code(steps[step].code, step: step + 1, of: stepCount)
  }

  /// Shows hint number `count` (from 1) of the step, or says there is none.
  func showHint(step: Int, count: Int) {
    let hints = steps[step].hints
    guard !hints.isEmpty else {
      screen.line("There is no hint for this step.")
      return
    }
    let shown = screen.hint(hints, number: count)
    if let id = steps[step].exerciseID { recordProgress { try $0.recordHintSeen(id, number: shown) } }
  }
}
