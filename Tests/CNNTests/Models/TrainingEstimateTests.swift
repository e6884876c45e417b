import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct TrainingEstimateTests {
  @Test func estimatingLeavesTheModelTheRandomNumbersAndTheNamesAlone() throws {
    setRandomSeed(3)
    let model = try ReferenceModel.lesson.makeModel()
    model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy)
    let weights = model.weights
    let estimate = try model.estimatedTrainingTime(images: 1000, epochs: 10, validationImages: 250)
    #expect(estimate.seconds > 0 && estimate.seconds.isFinite)
    #expect(model.weights == weights)
    #expect(model.optimizer?.iterations == 0)
    let after = Tensor(randomUniform: [4])
    setRandomSeed(3)
    _ = try ReferenceModel.lesson.makeModel()
    #expect(Tensor(randomUniform: [4]) == after, "the estimate drew no random numbers from the session")
    #expect(Dense(units: 1).name == "dense_2", "the copy took no layer names")
  }

  @Test func aModelWithoutAnInputShapeCannotBeTimed() {
    #expect(throws: ModelError.self) { try Sequential([Dense(units: 2)]).estimatedTrainingTime(images: 10) }
  }

  @Test func estimatesReadAsALearnerWouldSayThem() {
    #expect(TrainingTimeEstimate(seconds: 0.4).description == "under a second")
    #expect(TrainingTimeEstimate(seconds: 1.2).description == "about 1 second")
    #expect(TrainingTimeEstimate(seconds: 8.6).description == "about 9 seconds")
    #expect(TrainingTimeEstimate(seconds: 150).description == "about 3 minutes")
  }
}
