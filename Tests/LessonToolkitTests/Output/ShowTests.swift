import CNNTestSupport
import LessonToolkit
import TerminalUI
import Testing

@Suite struct ShowTests {
  let bars = ProbabilityBars(labels: ["cat", "dog"], probabilities: [0.25, 0.75])

  @Test func aPictureIsDrawnInTheCurrentOutputFittedToItsCapabilities() {
    for width in [40, 100] {
      let captured = CapturedOutput()
      TerminalOutput.$current.withValue(captured.output(isTerminal: false, columns: width)) { show(bars) }
      #expect(captured.text == bars.lines(for: .plain(width: width)).map { $0 + "\n" }.joined())
    }
  }

  @Test func lessonCodesPrintGoesToTheCurrentOutputWithItsTerminator() {
    let captured = CapturedOutput()
    TerminalOutput.$current.withValue(captured.output(isTerminal: false)) {
      LessonOutput.print("loss 0.25")
      LessonOutput.print("epoch ", terminator: "")
      LessonOutput.print("2")
    }
    #expect(captured.text == "loss 0.25\nepoch 2\n")
  }
}
