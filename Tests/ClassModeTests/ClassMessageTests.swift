import Foundation
import Testing

@testable import ClassMode

@Suite struct ClassMessageTests {
  static let events: [ProgressEvent] = [
    .reachedStep(episode: 2, step: 3, of: 20),
    .finishedEpisode(6),
    .answered(question: "pixel-count", right: false, given: "255"),
    .answered(question: "pixel-count", right: true, given: "784"),
    .checked(exercise: "first-conv", passed: false, firstFailure: "output shape", given: "16, 3"),
    .checked(exercise: "build-model", passed: true, firstFailure: nil, given: nil),
    .sawSolution(exercise: "first-conv"),
  ]

  @Test(arguments: events)
  func everyEventReadsBackAsItWasWritten(event: ProgressEvent) throws {
    let message = ClientMessage.event(NumberedEvent(number: 7, event: event))
    let line = message.line
    #expect(line.last == 0x0A)
    #expect(try ClientMessage(line: line.dropLast()) == message)
  }

  @Test func helloAndServerMessagesReadBack() throws {
    let hello = ClientMessage.hello(.init(code: "PANDA-421", learner: "5f0c9a1e7b2d4c88", name: "Zoë Ångström"))
    #expect(try ClientMessage(line: hello.line.dropLast()) == hello)
    for message in [ServerMessage.welcome(have: 4), .acknowledged(have: 9), .refused(reason: "wrong class code")] {
      #expect(try ServerMessage(line: message.line.dropLast()) == message)
    }
  }

  @Test func theWireFormatIsTheDocumentedOne() {
    let line = String(
      decoding: ClientMessage.event(NumberedEvent(number: 2, event: Self.events[2])).line, as: UTF8.self)
    #expect(line == #"{"given":"255","id":"pixel-count","kind":"answer","right":false,"seq":2,"type":"event"}"# + "\n")
  }

  @Test(arguments: [
    ("not json at all", "not a JSON message"),
    (#"{"type":"event","seq":1,"kind":"step","episode":1,"step":3}"#, "of must be"),
    (#"{"type":"event","seq":1,"kind":"step","episode":1,"step":30,"of":20}"#, "step is past of"),
    (#"{"type":"event","seq":0,"kind":"finished","episode":1}"#, "seq from 1"),
    (#"{"type":"event","seq":1,"kind":"finished","episode":"1"}"#, "not a JSON message"),
    (#"{"type":"event","seq":1,"kind":"dance"}"#, "unknown event kind"),
    (#"{"type":"event","seq":1,"kind":"answer","id":"q"}"#, "needs right"),
    (#"{"type":"event","seq":1,"kind":"solution","id":"has space"}"#, "id must be"),
    (#"{"type":"hello","version":1,"code":"PANDA-421","learner":"ab","name":"\u001b[2J"}"#, "control codes"),
    (#"{"type":"hello","version":9,"code":"PANDA-421","learner":"ab","name":"x"}"#, "version 1"),
    (#"{"type":"hello","version":1,"code":"PANDA-421","learner":"a b","name":"x"}"#, "letters, digits"),
    (#"{"type":"launch"}"#, "unknown message type"),
  ])
  func aBrokenLineIsRefusedSayingWhy(line: String, reason: String) {
    #expect {
      try ClientMessage(line: Array(line.utf8))
    } throws: { error in
      (error as? MessageError)?.description.contains(reason) == true
    }
  }

  @Test func textsAreBoundedBeforeUse() {
    let long = String(repeating: "x", count: MessageLimits.textCharacters + 1)
    let answer = ClientMessage.event(
      NumberedEvent(number: 1, event: .answered(question: "q", right: false, given: long)))
    #expect(throws: MessageError.self) { try ClientMessage(line: answer.line.dropLast()) }
    let name = ClientMessage.hello(.init(code: "A-1", learner: "ab", name: String(repeating: "n", count: 41)))
    #expect(throws: MessageError.self) { try ClientMessage(line: name.line.dropLast()) }
    #expect(throws: MessageError.self) {
      try ClientMessage(line: Array(repeating: 0x20, count: MessageLimits.lineBytes))
    }
  }

  @Test func classCodesAreReadAsTypedAndMadeFromTheWordList() {
    #expect(ClassCode("panda-421 ")?.text == "PANDA-421")
    for typed in ["PANDA", "PANDA-", "-421", "PANDA-42100", "PAN DA-1", "PANDA-4a", "P-1"] {
      #expect(ClassCode(typed) == nil, "\(typed)")
    }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<50 {
      let code = ClassCode.random(using: &generator)
      #expect(ClassCode(code.text) == code)
      #expect(ClassCode.animals.contains(String(code.text.split(separator: "-")[0])))
    }
  }

  @Test func numbersFromTheNetworkAreBoundedAndAnEventsFaultKeepsItsNumber() throws {
    #expect(throws: MessageError.self) {
      try ServerMessage(line: Array(#"{"type":"welcome","have":9223372036854775807}"#.utf8))
    }
    #expect(throws: MessageError.self) { try ServerMessage(line: Array(#"{"type":"ack","have":-1}"#.utf8)) }
    #expect(throws: MessageError.self) {
      try ClientMessage(line: Array(#"{"type":"event","seq":2147483648,"kind":"finished","episode":1}"#.utf8))
    }
    do {
      _ = try ClientMessage(
        line: Array(#"{"type":"event","seq":7,"kind":"answer","id":"q","right":false,"given":"\u009b2J"}"#.utf8))
      Issue.record("a C1 control code in an answer was taken")
    } catch {
      #expect(error.eventNumber == 7 && error.description.contains("control codes"))
    }
  }

  @Test func anyEventIsFittedToPassTheServersChecks() throws {
    let zalgo = String(repeating: "a\u{0301}\u{0302}\u{0303}\u{0304}", count: 190)
    let events: [ProgressEvent] = [
      .answered(question: "q with spaces and é", right: false, given: zalgo),
      .checked(
        exercise: String(repeating: "x", count: 90), passed: false, firstFailure: "tab\there\u{1B}[2J", given: zalgo),
      .reachedStep(episode: 0, step: 20_000, of: 12),
      .sawSolution(exercise: "\u{202E}"),
    ]
    for event in events {
      let fitted = event.fittingTheProtocol()
      let line = ClientMessage.event(NumberedEvent(number: 1, event: fitted)).line
      #expect(line.count <= MessageLimits.lineBytes)
      #expect(try ClientMessage(line: line.dropLast()) == .event(NumberedEvent(number: 1, event: fitted)))
    }
    #expect(
      events[1].fittingTheProtocol()
        == .checked(
          exercise: String(repeating: "x", count: 64), passed: false, firstFailure: "tab here [2J",
          given: String(repeating: "a\u{0301}\u{0302}\u{0303}\u{0304}", count: 66)))
    #expect(events[2].fittingTheProtocol() == .reachedStep(episode: 1, step: 12, of: 12))
    #expect(events[3].fittingTheProtocol() == .sawSolution(exercise: "unnamed"))
  }
}

extension ProgressEvent: CustomTestStringConvertible {
  public var testDescription: String {
    String(decoding: ClientMessage.event(.init(number: 1, event: self)).line, as: UTF8.self)
  }
}
