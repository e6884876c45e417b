import Testing

@testable import LessonEngine

@Suite struct CompilerDiagnosticTests {
  /// Output of `swiftc -diagnostic-style llvm`: a diagnostic line, the source line, a caret.
  let output = """
    .lesson/exercises/double.swift:2:18: error: cannot convert value of type 'String' to specified type 'Int'
      let two: Int = "2"
                     ^~~
    Lessons/exercises/double/check.swift:4:1: warning: result of call to 'double' is unused
    double(3)
    ^     ~~~
    """

  @Test func readsFileLineColumnSeverityAndMessage() {
    let diagnostics = CompilerDiagnostic.parse(output)
    #expect(
      diagnostics == [
        CompilerDiagnostic(
          file: ".lesson/exercises/double.swift", line: 2, column: 18, severity: .error,
          message: "cannot convert value of type 'String' to specified type 'Int'"),
        CompilerDiagnostic(
          file: "Lessons/exercises/double/check.swift", line: 4, column: 1, severity: .warning,
          message: "result of call to 'double' is unused"),
      ])
  }

  @Test func printsAsFileLineSeverityMessage() {
    #expect(
      CompilerDiagnostic.parse(output).first?.description
        == ".lesson/exercises/double.swift:2: error: cannot convert value of type 'String' to specified type 'Int'")
  }

  @Test func aPathWithColonsKeepsThemAndTheNumbersComeFromTheEnd() {
    let diagnostic = CompilerDiagnostic.parse(line: "C:/work/a:b.swift:12:3: error: oops")
    #expect(diagnostic?.file == "C:/work/a:b.swift")
    #expect(diagnostic?.line == 12)
    #expect(diagnostic?.message == "oops")
  }

  @Test func aToolErrorWithoutALocationKeepsItsWholeLine() {
    let linker = "/usr/bin/ld.gold: error: cannot find -lCNN"
    #expect(CompilerDiagnostic.parse(line: linker) == CompilerDiagnostic(severity: .error, message: linker))
    #expect(CompilerDiagnostic.parse(line: linker)?.description == linker)
    let driver = "error: link command failed with exit code 1 (use -v to see invocation)"
    #expect(CompilerDiagnostic.parse(line: driver) == CompilerDiagnostic(severity: .error, message: driver))
    let unknown = "<unknown>:0: error: unable to load standard library"
    #expect(CompilerDiagnostic.parse(line: unknown)?.file == nil)
  }

  @Test func sourceExcerptsAreNotDiagnostics() {
    #expect(CompilerDiagnostic.parse(line: "  let two: Int = \"2\"") == nil)
    #expect(CompilerDiagnostic.parse(line: "               ^~~") == nil)
  }
}
