import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct ReferenceModelTests {
  @Test func theLessonModelHasTheLessonsShapesAndParameterCount() throws {
    let model = try ReferenceModel.lesson.makeModel()
    #expect(model.computingLayers.map(\.outputShape) == [[30, 30, 16], [15, 15, 16], [3600], [5]])
    #expect(model.parameterCount == 18_453)
  }

  @Test(arguments: [(ReferenceModel.small, 89_834), (.bigger, 591_274)])
  func parameterCountsMatchKeras(_ reference: ReferenceModel, _ expected: Int) throws {
    #expect(try reference.makeModel().parameterCount == expected)
  }

  @Test func modelsAdaptToTheImagesAndClasses() throws {
    let digits = try ReferenceModel.lesson.makeModel(inputShape: [28, 28, 1], classCount: 10, rescaling: true)
    #expect(
      digits.layers.map(\.className) == ["InputLayer", "Rescaling", "Conv2D", "MaxPooling2D", "Flatten", "Dense"])
    #expect(digits.outputShape == [10])
    // 3·3·1·16 + 16 = 160; 13·13·16 = 2704 inputs · 10 + 10 = 27,050
    #expect(digits.parameterCount == 160 + 27_050)
    #expect(try ReferenceModel.small.makeModel(inputShape: [28, 28, 1]).outputShape == [10])
  }

  @Test func biggerKeepsItsSizeWithSamePadding() throws {
    let model = try ReferenceModel.bigger.makeModel()
    #expect(
      model.computingLayers.map(\.outputShape).prefix(6) == [
        [32, 32, 32], [32, 32, 32], [16, 16, 32], [16, 16, 64], [16, 16, 64], [8, 8, 64],
      ])
  }
}
