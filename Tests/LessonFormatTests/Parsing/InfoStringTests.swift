import LessonScript
import Testing

@testable import LessonFormat

@Suite struct InfoStringTests {
  /// Returns the role of a block with this info string and code.
  func role(_ info: String, code: String = "x") throws -> CodeRole {
    try InfoString.codeBlock(info: info, code: code, line: 1).role
  }

  /// Expects this info string to fail with `problem`.
  func expect(
    _ info: String, code: String = "x", fails problem: InfoStringProblem,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(throws: problem, sourceLocation: sourceLocation) {
      try InfoString.codeBlock(info: info, code: code, line: 1)
    }
  }

  // MARK: - Roles

  @Test func aPlainSwiftBlockRuns() throws {
    let block = try InfoString.codeBlock(info: "swift", code: "let x = 1", line: 7)
    #expect(block == CodeBlock(language: "swift", role: .run, code: "let x = 1", line: 7))
  }

  @Test(arguments: ["bash", "output", "python fill-in id=X", ""])
  func otherLanguagesAreShownAndNotChecked(info: String) throws {
    let block = try InfoString.codeBlock(info: info, code: "x", line: 1)
    #expect(block.role == .display)
    #expect(block.language == (info.split(separator: " ").first.map(String.init) ?? ""))
  }

  @Test func noRunIsShownAsSwift() throws {
    let block = try InfoString.codeBlock(info: "swift no-run", code: "x", line: 1)
    #expect(block.language == "swift")
    #expect(block.role == .display)
  }

  @Test func checkIsACheck() throws {
    #expect(try role("swift check") == .check)
  }

  @Test func verifyChecksTheText() throws {
    #expect(try role("swift verify") == .verification)
    #expect(throws: InfoStringProblem.self) { try role("swift verify id=x") }
  }

  @Test func aFillInHasItsIDTypesAndAnswers() throws {
    let code = "Conv2D(filters: _____, kernelSize: _____, activation: __________)"
    let role = try role("swift fill-in id=first-conv blanks=Int,Int,ActivationFunction answers=16,3,relu", code: code)
    #expect(
      role
        == .fillIn(
          FillIn(id: "first-conv", types: ["Int", "Int", "ActivationFunction"], answers: ["16", "3", "relu"])))
  }

  @Test func aQuotedAnswerMayHoldCommasAndSpaces() throws {
    let role = try role("swift fill-in id=f blanks=Int,String answers=16,\"a, b\"", code: "(_____, _____)")
    #expect(role == .fillIn(FillIn(id: "f", types: ["Int", "String"], answers: ["16", "a, b"])))
  }

  @Test func theRoleWordAndKeysMayComeInAnyOrder() throws {
    #expect(try role("swift kind=text question id=\"q-1\"") == .question(Question(id: "q-1", kind: .text)))
  }

  @Test func questionKindsAndTolerances() throws {
    #expect(try role("swift question id=a kind=number") == .question(Question(id: "a", kind: .number(tolerance: 0))))
    #expect(
      try role("swift question id=a kind=number tolerance=0.01")
        == .question(Question(id: "a", kind: .number(tolerance: 0.01))))
    #expect(try role("swift question id=a kind=choice") == .question(Question(id: "a", kind: .choice)))
    #expect(try role("swift question id=a kind=text") == .question(Question(id: "a", kind: .text)))
  }

  // MARK: - Problems

  @Test func anUnknownWordGetsTheClosestRole() {
    expect("swift norun", fails: .unknownRole("norun"))
    #expect(InfoStringProblem.unknownRole("norun").description.contains("did you mean 'no-run'?"))
    #expect(InfoStringProblem.unknownRole("fillin").description.contains("did you mean 'fill-in'?"))
  }

  @Test func aSecondBareWordIsAnError() {
    expect("swift fill-in check", fails: .extraWord("check", role: "fill-in"))
  }

  @Test func aPlainBlockTakesNoKeys() {
    expect("swift id=x", fails: .unknownKey("id", owner: .swiftBlock(role: nil), known: []))
    let message = InfoStringProblem.unknownKey("id", owner: .swiftBlock(role: nil), known: []).description
    #expect(message.contains("ids belong to 'swift fill-in' and 'swift question' blocks"))
  }

  @Test func anUnknownFillInKeyGetsTheClosestOne() {
    expect(
      "swift fill-in id=f blanks=Int answer=1", code: "_____",
      fails: .unknownKey("answer", owner: .swiftBlock(role: "fill-in"), known: ["id", "blanks", "answers", "names"]))
    let message = InfoStringProblem.unknownKey(
      "answer", owner: .swiftBlock(role: "fill-in"), known: ["id", "blanks", "answers", "names"]
    ).description
    #expect(message.contains("did you mean 'answers'? It takes 'id', 'blanks', 'answers' and 'names'"))
  }

  @Test(arguments: [
    ("swift fill-in blanks=Int answers=1", "id"),
    ("swift fill-in id=f answers=1", "blanks"),
    ("swift fill-in id=f blanks=Int", "answers"),
  ])
  func aFillInNeedsEveryKey(info: String, missing: String) {
    expect(
      info, code: "_____",
      fails: .missingKey(
        missing, owner: .swiftBlock(role: "fill-in"),
        example: "```swift fill-in id=first-conv blanks=Int,Int answers=16,3"))
  }

  @Test func theBlanksMustMatchTheCode() {
    expect("swift fill-in id=f blanks=Int,Int answers=1,2", code: "f(_____)", fails: .blankCount(types: 2, blanks: 1))
    expect("swift fill-in id=f blanks=Int answers=1", code: "f(____)", fails: .blankCount(types: 1, blanks: 0))
    #expect(
      InfoStringProblem.blankCount(types: 2, blanks: 1).description.contains(
        "'blanks=' lists 2 types but the code has 1 blank"))
    #expect(InfoStringProblem.blankCount(types: 1, blanks: 0).description.contains("the code has no blanks"))
  }

  @Test func theAnswersMustMatchTheBlanks() {
    expect(
      "swift fill-in id=f blanks=Int,Int answers=1", code: "f(_____, _____)", fails: .answerCount(answers: 1, types: 2))
    #expect(
      InfoStringProblem.answerCount(answers: 1, types: 2).description.contains(
        "'answers=' gives 1 value but 'blanks=' lists 2 types"))
  }

  @Test func idsMustBeLowercaseLettersDigitsAndHyphens() {
    expect("swift fill-in id=First blanks=Int answers=1", code: "_____", fails: .malformedID("First"))
    expect("swift question id=q_1 kind=text", fails: .malformedID("q_1"))
    #expect(InfoStringProblem.malformedID("q_1").description.contains("such as 'q-1'"))
  }

  @Test func aQuestionNeedsAnIDAndAKind() {
    let example = "```swift question id=dense-count kind=number"
    expect("swift question kind=text", fails: .missingKey("id", owner: .swiftBlock(role: "question"), example: example))
    expect("swift question id=q", fails: .missingKey("kind", owner: .swiftBlock(role: "question"), example: example))
  }

  @Test func anUnknownKindGetsTheClosestOne() {
    expect("swift question id=q kind=numbr", fails: .unknownKind("numbr"))
    #expect(InfoStringProblem.unknownKind("numbr").description.contains("did you mean 'number'?"))
  }

  @Test(arguments: ["abc", "-0.5", "nan", "inf", ""])
  func theToleranceMustBeANumberOfZeroOrMore(value: String) {
    expect("swift question id=q kind=number tolerance=\(value)", fails: .badTolerance(value))
  }

  @Test func theToleranceIsOnlyForNumberQuestions() {
    expect("swift question id=q kind=text tolerance=0.1", fails: .toleranceWithoutNumber(kind: "text"))
  }

  @Test func aProblemIsReportedAtTheFenceLine() {
    let error = bodyError("Intro.\n\n```swift fill-in id=f blanks=Int answers=1,2\nf(_____)\n```\n")
    #expect(error?.line == EpisodeText.line(3))
    #expect(error?.message.contains("'answers=' gives 2 values but 'blanks=' lists 1 type") == true)
  }
}
