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

  @Test func biggerKeepsItsSizeWithSamePadding() throws {
    let model = try ReferenceModel.bigger.makeModel()
    #expect(
      model.computingLayers.map(\.outputShape).prefix(6) == [
        [32, 32, 32], [32, 32, 32], [16, 16, 32], [16, 16, 64], [16, 16, 64], [8, 8, 64],
      ])
  }
}
