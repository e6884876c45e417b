import Testing

@testable import LessonFormat

@Suite struct AttributeWordTests {
  // MARK: - Splitting

  @Test func splitsOnSpacesAndTabsIntoBareWordsAndPairs() throws {
    let words = try AttributeWord.split(" fill-in\tid=first-conv  blanks=Int ")
    #expect(words.map(\.text) == ["fill-in", "id=first-conv", "blanks=Int"])
    #expect(words.map(\.key) == [nil, "id", "blanks"])
    #expect(words.map(\.rawValue) == ["", "first-conv", "Int"])
  }

  @Test func quotesKeepSpacesInsideOneWord() throws {
    let words = try AttributeWord.split("answers=16,\"a, b\" kind=text")
    #expect(words.map(\.text) == ["answers=16,\"a, b\"", "kind=text"])
    #expect(words[0].rawValue == "16,\"a, b\"")
  }

  @Test func onlyTheFirstEqualsSignSplits() throws {
    let words = try AttributeWord.split("answers=a=b")
    #expect(words.first?.key == "answers")
    #expect(words.first?.rawValue == "a=b")
  }

  @Test func aWordStartingWithEqualsIsBare() throws {
    #expect(try AttributeWord.split("=x").first?.key == nil)
  }

  @Test func anUnclosedQuoteIsAnError() {
    #expect(throws: InfoStringProblem.unterminatedQuote("answers=\"a, b")) {
      try AttributeWord.split("answers=\"a, b")
    }
  }

  // MARK: - Dictionaries

  @Test func aDictionaryKeepsRawValuesAndSkipsBareWords() throws {
    let words = try AttributeWord.split("question id=\"q\" kind=number")
    let values = try AttributeWord.dictionary(words, allowedKeys: ["id", "kind"], owner: .swiftBlock(role: "question"))
    #expect(values == ["id": "\"q\"", "kind": "number"])
  }

  @Test func aDictionaryRejectsUnknownAndRepeatedKeys() throws {
    let unknown = try AttributeWord.split("idd=x")
    #expect(throws: InfoStringProblem.unknownKey("idd", owner: .div(.exercise), known: ["id"])) {
      try AttributeWord.dictionary(unknown, allowedKeys: ["id"], owner: .div(.exercise))
    }
    let repeated = try AttributeWord.split("id=a id=b")
    #expect(throws: InfoStringProblem.duplicateKey("id")) {
      try AttributeWord.dictionary(repeated, allowedKeys: ["id"], owner: .div(.exercise))
    }
  }

  // MARK: - Values

  @Test func unquotedRemovesDoubleQuotes() {
    #expect(AttributeWord.unquoted("\"build model\"") == "build model")
    #expect(AttributeWord.unquoted("plain") == "plain")
  }

  @Test func listsSplitOnCommasOutsideQuotes() throws {
    #expect(try AttributeWord.list("16,3,relu", key: "answers", allowsQuotedEmpty: true) == ["16", "3", "relu"])
    #expect(try AttributeWord.list("16,\"a, b\"", key: "answers", allowsQuotedEmpty: true) == ["16", "a, b"])
    #expect(
      try AttributeWord.list("\"[String: Int]\",Int", key: "blanks", allowsQuotedEmpty: false) == [
        "[String: Int]", "Int",
      ])
  }

  @Test func aQuotedEmptyItemIsAllowedOnlyWhereSaid() throws {
    #expect(try AttributeWord.list("\"\",x", key: "answers", allowsQuotedEmpty: true) == ["", "x"])
    #expect(throws: InfoStringProblem.emptyItem(key: "blanks", position: 1, value: "\"\",x")) {
      try AttributeWord.list("\"\",x", key: "blanks", allowsQuotedEmpty: false)
    }
  }

  @Test func anUnquotedEmptyItemIsAnError() {
    #expect(throws: InfoStringProblem.emptyItem(key: "answers", position: 2, value: "16,,3")) {
      try AttributeWord.list("16,,3", key: "answers", allowsQuotedEmpty: true)
    }
    #expect(throws: InfoStringProblem.emptyItem(key: "answers", position: 3, value: "16,3,")) {
      try AttributeWord.list("16,3,", key: "answers", allowsQuotedEmpty: true)
    }
  }

  @Test func ownersNameThemselvesForMessages() {
    #expect(AttributeWord.Owner.swiftBlock(role: nil).description == "a plain 'swift' block")
    #expect(AttributeWord.Owner.swiftBlock(role: "fill-in").description == "a 'swift fill-in' block")
    #expect(AttributeWord.Owner.div(.exercise).description == "an 'exercise' div")
  }
}
