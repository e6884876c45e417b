import Dispatch
import Foundation
import TerminalUI

/// The projected screen of `lesson present`: each part of the episode starts a clear screen under
/// a header line, and a part taller than the terminal is shown a screenful at a time, the next
/// after Enter. While a key or the next page is awaited, the header ticks every second.
///
/// Where the output is not a terminal with a known height (a file, a pipe), parts follow one
/// another, each under its header line, with no escape codes, no paging and no ticking.
final class SlideScreen: @unchecked Sendable {
  private let device: TerminalOutput
  private let input: LineInput
  /// Makes the header line; called again at each page and tick.
  var header: () -> String = { "" }
  /// Rows written since the screen was cleared; the header is the first.
  private var rows = 0
  /// Whether `q` was typed at a page's end: the rest is written without pages, and the next key
  /// read is that `q`.
  private var isQuitting = false

  /// Creates a screen writing to `device`, reading Enter for the next page from `input`.
  init(device: TerminalOutput, input: LineInput) {
    self.device = device
    self.input = input
  }

  /// The rows a page may fill, the header's included, or nil where there are no pages: the last
  /// two rows are kept for a prompt and the row the Enter after it moves to, so that the screen
  /// never scrolls.
  private var pageRows: Int? {
    guard device.isTerminal, let height = device.capabilities.height else { return nil }
    return max(4, height - 2)
  }

  /// What the session writes to: the device, a page at a time.
  var output: TerminalOutput {
    TerminalOutput(capabilities: device.capabilities) { [self] text in write(text) }
  }

  /// Starts a new part: a clear screen (a blank line where the output is not a terminal) and the
  /// header line.
  func newScreen() {
    device.write(pageRows == nil ? "\n" : ScreenControl.clearScreen)
    device.writeLine(device.capabilities.styled(header(), bold: true))
    rows = 1
  }

  /// Starts the next page now when `count` rows would not fit on this one, and would on a new
  /// one: a step's code is then never cut in two.
  func keepTogether(rows count: Int) {
    guard let pageRows, rows > 1, rows + count > pageRows, 1 + count <= pageRows else { return }
    nextPage()
  }

  /// Writes `prompt` and reads the presenter's key (a line), with the header ticking meanwhile;
  /// nil at the end of input.
  func readKey(after prompt: String) -> String? {
    guard !isQuitting else { return "q" }
    write(device.capabilities.styled(prompt, bold: true) + " ")
    let key = readLineTicking()
    // The Enter that ends the key moves the cursor down a row, echoed or typed.
    rows += 1
    return key
  }

  /// Reads a line, the header ticking meanwhile where the screen has pages.
  private func readLineTicking() -> String? {
    let ticker =
      pageRows == nil
      ? nil : TopRowsTicker(device: device) { [self] in [device.capabilities.styled(header(), bold: true)] }
    defer { ticker?.stop() }
    return input.readAnswer(echoingTo: device)
  }

  private func write(_ text: String) {
    guard let pageRows, !isQuitting else {
      device.write(text)
      return
    }
    var rest = Substring(text)
    while let newline = rest.firstIndex(of: "\n") {
      if rows >= pageRows { nextPage() }
      device.write(String(rest[...newline]))
      rows += 1
      rest = rest[rest.index(after: newline)...]
    }
    if !rest.isEmpty { device.write(String(rest)) }
  }

  private func nextPage() {
    let more = (device.capabilities.usesUnicode ? "▸" : ">") + " Enter: more · q quit"
    device.write(device.capabilities.styled(more, bold: true) + " ")
    let key = readLineTicking()?.trimmingCharacters(in: .whitespaces).lowercased()
    isQuitting = key == nil || key == "q" || key == "quit"
    if !isQuitting { newScreen() }
  }
}
