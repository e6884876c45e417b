import LessonScript
import Testing

@testable import LessonFormat

@Suite struct FrontMatterTests {
  /// Parses a file that is only `lines` of front matter between `---` lines.
  func parse(_ lines: String) throws(LessonFormatError) -> Episode {
    try EpisodeParser.parse("---\n\(lines)\n---\n", path: EpisodeText.path)
  }

  /// Expects a file that is only `lines` of front matter to fail, and returns the error.
  func error(_ lines: String, sourceLocation: SourceLocation = #_sourceLocation) -> LessonFormatError? {
    parseError("---\n\(lines)\n---\n", sourceLocation: sourceLocation)
  }

  // MARK: - Values

  @Test func readsEveryKey() throws {
    let episode = try parse(
      """
      title: "Build a convolutional neural network"
      teaching: 30
      exercises: 20
      training: lesson 1000 10
      """)
    #expect(episode.title == "Build a convolutional neural network")
    #expect(episode.teachingMinutes == 30)
    #expect(episode.exerciseMinutes == 20)
    #expect(episode.training == TrainingWorkload(model: "lesson", images: 1000, epochs: 10))
    #expect(episode.nodes.isEmpty)
  }

  @Test func trainingIsOptionalAndZeroMinutesAreAllowed() throws {
    let episode = try parse("title: T\nteaching: 0\nexercises: 0")
    #expect(episode.training == nil)
    #expect(episode.teachingMinutes == 0)
  }

  @Test func titleQuotesAreOptionalAndEitherKind() throws {
    #expect(try parse("title: Plain title\nteaching: 1\nexercises: 1").title == "Plain title")
    #expect(try parse("title: 'Single'\nteaching: 1\nexercises: 1").title == "Single")
    #expect(try parse("title: \"Say \"hi\"\"\nteaching: 1\nexercises: 1").title == "Say \"hi\"")
  }

  @Test func aTitleMayHoldColons() throws {
    #expect(try parse("title: CNNs: a first look\nteaching: 1\nexercises: 1").title == "CNNs: a first look")
  }

  @Test func keysMayComeInAnyOrderWithBlankLinesBetween() throws {
    let episode = try parse("exercises: 2\n\nteaching: 1\ntitle: T")
    #expect(episode.exerciseMinutes == 2)
  }

  @Test func theBodyStartsAfterTheClosingMarker() throws {
    let lines = SourceLines.split(EpisodeText.withBody("Hello"))
    #expect(try FrontMatter.parse(lines).bodyStart == 5)
  }

  // MARK: - The block itself

  @Test func aFileWithoutFrontMatterFailsOnLineOne() {
    let error = parseError("# Title\n\ntitle: T\n")
    #expect(error?.line == 1)
    #expect(error?.message.contains("starts with '# Title'") == true)
    #expect(error?.message.contains("front matter") == true)
  }

  @Test func theFrontMatterMustStartOnLineOne() {
    let error = parseError("\n---\ntitle: T\nteaching: 1\nexercises: 1\n---\n")
    #expect(error?.line == 1)
    #expect(error?.message.contains("line 1 is blank") == true)
  }

  @Test func anEmptyFileSaysSo() {
    let error = parseError("")
    #expect(error?.line == 1)
    #expect(error?.message.contains("the file is empty") == true)
  }

  @Test func anUnclosedFrontMatterFailsAtItsOpening() {
    let error = parseError("---\ntitle: T\nteaching: 1\nexercises: 1\n\nSome prose.\n")
    #expect(error?.line == 1)
    #expect(error?.message.contains("never closed") == true)
  }

  @Test func aLineThatIsNotKeyValueIsNamed() {
    let error = error("title: T\nteaching 30\nexercises: 1")
    #expect(error?.line == 3)
    #expect(error?.message.contains("found 'teaching 30'") == true)
  }

  @Test func anUnknownKeyGetsTheClosestKnownOne() {
    let error = error("titel: T\nteaching: 1\nexercises: 1")
    #expect(error?.line == 2)
    #expect(error?.message.contains("unknown front matter key 'titel'; did you mean 'title'?") == true)
  }

  @Test func anUnknownKeyFarFromAnyListsTheKnownOnes() {
    let error = error("title: T\nteaching: 1\nexercises: 1\nauthor: Me")
    #expect(error?.line == 5)
    #expect(error?.message.contains("unknown front matter key 'author'. The known keys are") == true)
    #expect(error?.message.contains("'title', 'teaching', 'exercises' and 'training'") == true)
  }

  @Test func aDuplicateKeyNamesTheFirstLine() {
    let error = error("title: T\nteaching: 1\ntitle: U\nexercises: 1")
    #expect(error?.line == 4)
    #expect(error?.message.contains("'title' is set twice in the front matter (first on line 2)") == true)
  }

  @Test(arguments: [
    ("teaching: 1\nexercises: 1", "title"),
    ("title: T\nexercises: 1", "teaching"),
    ("title: T\nteaching: 1", "exercises"),
  ])
  func aMissingRequiredKeyIsReportedAtTheClosingMarker(lines: String, key: String) {
    let error = error(lines)
    #expect(error?.line == 4)
    #expect(error?.message.contains("the front matter has no '\(key)'") == true)
  }

  // MARK: - Values that do not fit

  @Test(arguments: ["30 minutes", "-5", "1.5", "", "99999999999999999999999"])
  func minutesMustBeAWholeNumber(value: String) {
    let error = error("title: T\nteaching: \(value)\nexercises: 1")
    #expect(error?.line == 3)
    #expect(
      error?.message.contains("'teaching' must be a whole number of minutes, such as 30; found '\(value)'") == true)
  }

  @Test func exerciseMinutesAreCheckedToo() {
    let error = error("title: T\nteaching: 1\nexercises: lots")
    #expect(error?.line == 4)
    #expect(error?.message.contains("'exercises' must be a whole number") == true)
  }

  @Test func anEmptyTitleIsAnError() {
    let error = error("title: \"\"\nteaching: 1\nexercises: 1")
    #expect(error?.line == 2)
    #expect(error?.message.contains("the title is empty") == true)
  }

  @Test func anUnclosedTitleQuoteIsAnError() {
    let error = error("title: \"Build a CNN\nteaching: 1\nexercises: 1")
    #expect(error?.line == 2)
    #expect(error?.message.contains("opens a quote it does not close") == true)
  }

  @Test(arguments: ["lesson 1000", "lesson 1000 10 5", ""])
  func trainingNeedsThreeWords(value: String) {
    let error = error("title: T\nteaching: 1\nexercises: 1\ntraining: \(value)")
    #expect(error?.line == 5)
    #expect(error?.message.contains("'training' must be three words, MODEL IMAGES EPOCHS") == true)
  }

  @Test func theTrainingModelMustBeAWord() {
    let error = error("title: T\nteaching: 1\nexercises: 1\ntraining: lesson! 1000 10")
    #expect(error?.line == 5)
    #expect(error?.message.contains("the training model 'lesson!'") == true)
  }

  @Test(arguments: [("lesson 0 10", "images", "0"), ("lesson 1000 ten", "epochs", "ten")])
  func trainingCountsMustBePositiveWholeNumbers(value: String, what: String, found: String) {
    let error = error("title: T\nteaching: 1\nexercises: 1\ntraining: \(value)")
    #expect(error?.line == 5)
    #expect(error?.message.contains("the number of training \(what)") == true)
    #expect(error?.message.contains("found '\(found)'") == true)
  }
}
