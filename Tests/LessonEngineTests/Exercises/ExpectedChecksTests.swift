import Testing

@testable import LessonEngine

@Suite struct ExpectedChecksTests {
  @Test func namesComeInTheCheckFilesOrderEachOnce() {
    let source = """
      let model = try makeDigitsModel()
      try check("name", model.name, equals: "digits_model")
      try check(
        "layers", model.layers.map(\\.className),
        equals: ["InputLayer", "Dense"])
      try check("output shape", model.outputShape, equals: [10])
      try check("name", model.name, equals: "digits_model")
      """
    #expect(ExpectedChecks.names(inCheckSource: source) == ["name", "layers", "output shape"])
  }

  @Test func escapesInANameAreRead() {
    #expect(
      ExpectedChecks.names(inCheckSource: #"try check("a \"quoted\" name", 1, equals: 1)"#) == [#"a "quoted" name"#])
  }

  /// Names that cannot be known before the program runs, calls in comments, and other functions
  /// whose names end in `check` are not expected.
  @Test func onlyLiteralNamesOfCheckCallsInCodeAreExpected() {
    let source = """
      for size in [1, 2] { try check("size \\(size)", size, equals: size) }
      // try check("commented out", true)
      model.check("a method", 1)
      recheck("another function")
      try check(name, 1, equals: 1)
      try check("real", true)
      """
    #expect(ExpectedChecks.names(inCheckSource: source) == ["real"])
  }
}
