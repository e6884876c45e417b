import Testing
import TextTools

@Suite struct ClosestNameTests {
  /// The div names of the Carpentries episode format, where typos were first suggested for.
  let divs = [
    "questions", "objectives", "keypoints", "challenge", "solution", "hint", "callout", "instructor", "discussion",
    "exercise",
  ]

  @Test(arguments: [
    ("challange", "challenge"), ("Hint", "hint"), ("chalenge", "challenge"), ("hnit", "hint"),
    ("solutions", "solution"), ("keypoint", "keypoints"),
    ("question", "questions"), ("objective", "objectives"), ("call-out", "callout"),
  ])
  func suggestsTheNameATypoWasMeantToBe(typo: String, meant: String) {
    #expect(ClosestName.find(to: typo, among: divs) == meant)
  }

  @Test func suggestsNothingForADifferentWord() {
    #expect(ClosestName.find(to: "sidebar", among: divs) == nil)
    #expect(ClosestName.find(to: "id", among: ["kind"]) == nil)
  }

  @Test func shortNamesAllowOneEdit() {
    #expect(ClosestName.find(to: "idd", among: ["id"]) == "id")
    #expect(ClosestName.find(to: "x", among: ["id"]) == nil)
  }

  @Test func editDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
    #expect(ClosestName.editDistance(Array("kitten"), Array("sitting")) == 3)
    #expect(ClosestName.editDistance(Array("titel"), Array("title")) == 1)
    #expect(ClosestName.editDistance(Array("ab"), Array("ba")) == 1)
    #expect(ClosestName.editDistance(Array(""), Array("abc")) == 3)
    #expect(ClosestName.editDistance(Array("same"), Array("same")) == 0)
    #expect(ClosestName.editDistance(Array("shwo"), Array("show")) == 1)
    #expect(ClosestName.editDistance(Array("abc"), Array("")) == 3)
  }

  @Test func allowsOneEditPerThreeLettersOfTheCandidateAndAtLeastOne() {
    #expect(ClosestName.allowedEdits(for: "id") == 1)
    #expect(ClosestName.allowedEdits(for: "bigger") == 2)
    #expect(ClosestName.allowedEdits(for: "conv-count") == 3)
    // Two edits from a six-letter name is a typo; three is another word.
    #expect(ClosestName.find(to: "biggxx", among: ["bigger"]) == "bigger")
    #expect(ClosestName.find(to: "bixxxr", among: ["bigger"]) == nil)
  }

  @Test func comparesIgnoringCaseAndPrefersTheNearest() {
    #expect(ClosestName.find(to: "SUMARY", among: ["summary"]) == "summary")
    #expect(ClosestName.find(to: "test-sun", among: ["test-sum", "test-run-all"]) == "test-sum")
  }
}
