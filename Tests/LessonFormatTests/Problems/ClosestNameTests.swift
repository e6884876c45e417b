import LessonScript
import Testing

@testable import LessonFormat

@Suite struct ClosestNameTests {
  let divs = SectionKind.allCases.map(\.rawValue)

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
  }
}
