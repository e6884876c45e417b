import Testing
import TextEscaping

@Suite struct EscapedForTerminalTests {
  @Test func anOrdinaryNameIsKeptAsItIs() {
    for name in ["Datasets/digits/test/3/00000.png", "chat/été 🐈.png", "back\\slash", ""] {
      #expect(name.escapedForTerminal() == name)
    }
  }

  @Test func escapeSequencesAndTheBellBecomeVisible() {
    #expect("a\u{1B}[2Jb".escapedForTerminal() == "a\\e[2Jb")
    #expect("img\u{1B}]0;pwned\u{07}.png".escapedForTerminal() == "img\\e]0;pwned\\x07.png")
    #expect("line\nbreak\rand\ttab".escapedForTerminal() == "line\\nbreak\\rand\\ttab")
    #expect("\u{00}\u{7F}".escapedForTerminal() == "\\x00\\x7F")
  }

  @Test func oneByteEscapesAndBidirectionalOverridesBecomeVisible() {
    #expect("a\u{9B}2Jb".escapedForTerminal() == "a\\u{9B}2Jb")
    #expect("gnp.\u{202E}exe".escapedForTerminal() == "gnp.\\u{202E}exe")
    #expect("\u{2066}x\u{2069}".escapedForTerminal() == "\\u{2066}x\\u{2069}")
  }

  @Test func noControlCharacterSurvives() {
    let every = String(String.UnicodeScalarView((0...0x9F).compactMap(Unicode.Scalar.init)))
    let escaped = every.escapedForTerminal()
    #expect(!escaped.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    #expect(escaped.contains(" !\"#$%&'()*+,-./0123456789"), "printable ASCII is kept")
  }

  @Test func aMessageMayKeepItsLineBreaksButNothingElse() {
    let message = "Cannot read 'a\u{1B}[2J\nb':\nno such file."
    #expect(message.escapedForTerminal(keepingNewlines: true) == "Cannot read 'a\\e[2J\nb':\nno such file.")
    #expect(message.escapedForTerminal().contains("\\n"))
  }

  @Test func substringsEscapeToo() {
    let path = "folder/\u{1B}[31mred"
    #expect(path.split(separator: "/")[1].escapedForTerminal() == "\\e[31mred")
  }
}
