import CNN
import LessonToolkit
import Testing

@Suite struct LessonInputTests {
  @Test func numbersTakeUnderscoresOnlyWhenWhole() {
    #expect(Int(lessonInput: "1_000") == 1000)
    #expect(Int(lessonInput: "0.5") == nil)
    #expect(Double(lessonInput: "0.5") == 0.5)
    #expect(Float(lessonInput: "x") == nil)
  }

  @Test func truthIsTypedAsTrueFalseYesOrNo() {
    #expect(Bool(lessonInput: "Yes") == true)
    #expect(Bool(lessonInput: "false") == false)
    #expect(Bool(lessonInput: "maybe") == nil)
  }

  @Test func textMayBeQuotedOrNot() {
    #expect(String(lessonInput: "\"relu\"") == "relu")
    #expect(String(lessonInput: "relu") == "relu")
    #expect(String(lessonInput: "\"") == "\"")
  }

  @Test func casesAreTypedWithOrWithoutTheirDot() {
    #expect(ActivationFunction(lessonInput: ".relu") == .relu)
    #expect(ActivationFunction(lessonInput: "leakyRelu") == .leakyRelu)
    #expect(Padding(lessonInput: "same") == .same)
    #expect(ColorMode(lessonInput: ".grayscale") == .grayscale)
    #expect(ActivationFunction(lessonInput: "rleu") == nil)
  }

  @Test func aSizeIsOneSideOrAHeightAndAWidth() {
    #expect(Size2D(lessonInput: "3") == Size2D(3))
    #expect(Size2D(lessonInput: "[3, 5]") == Size2D(height: 3, width: 5))
    #expect(Size2D(lessonInput: "3,5") == Size2D(height: 3, width: 5))
    #expect(Size2D(lessonInput: "0") == nil)
    #expect(Size2D(lessonInput: "1, 2, 3") == nil)
  }
}
