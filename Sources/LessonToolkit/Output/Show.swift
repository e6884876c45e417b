import TerminalUI

// What lesson code calls to draw: `show(picture)` prints any of TerminalUI's pictures where the
// lesson's output goes (the walk, a log, a test), fitted to the terminal it finds there.

/// Draws `picture` in the lesson's output, fitted to the terminal's width and colours.
///
///     show(ImageGrid(batch: images, labels: labels.classIndices, classNames: trainingSet.classNames))
public func show(_ picture: some TerminalPicture) {
  let output = TerminalOutput.current
  for line in picture.lines(for: output.capabilities) { output.writeLine(line) }
}
