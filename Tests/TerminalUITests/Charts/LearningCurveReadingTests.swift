import Testing

@testable import TerminalUI

@Suite struct LearningCurveReadingTests {
  @Test func theLessonsCurvesReadAsStartingToOverfit() {
    let reading = LearningCurveReading(
      loss: [1.52, 1.21, 1.05, 0.93, 0.85, 0.79, 0.74, 0.70, 0.67, 0.64],
      validationLoss: [1.30, 1.12, 1.03, 0.98, 0.96, 0.95, 0.97, 1.00, 1.02, 1.05])
    #expect(reading.verdict == .overfitting(bestEpoch: 6, lowestValidationLoss: 0.95))
    #expect(
      reading.sentence
        == "Validation loss stopped improving after epoch 6 (lowest 0.95) while training loss kept falling: "
        + "the model is starting to overfit.")
  }

  @Test func risingValidationLossFromTheStartIsOverfittingFromTheStart() {
    let reading = LearningCurveReading(loss: [1.5, 1.2, 1.0, 0.8], validationLoss: [1.30, 1.35, 1.45, 1.60])
    #expect(reading.verdict == .overfittingFromStart)
    #expect(reading.sentence.hasPrefix("Validation loss rose from the first epoch (1.30 → 1.60)"))
  }

  @Test func flatValidationLossWhileTrainingFallsIsOverfitting() {
    let reading = LearningCurveReading(loss: [1.5, 1.2, 1.0, 0.8, 0.7], validationLoss: [1.1, 1.1, 1.1, 1.1, 1.1])
    #expect(reading.verdict == .overfitting(bestEpoch: 1, lowestValidationLoss: 1.1))
  }

  @Test func fallingValidationLossIsStillLearning() {
    let reading = LearningCurveReading(
      loss: [1.5, 1.2, 1.0, 0.85, 0.75], validationLoss: [1.4, 1.15, 1.0, 0.9, 0.85])
    #expect(reading.verdict == .stillLearning)
    #expect(reading.sentence == "Both losses are still falling: the model is still learning; more epochs may help.")
  }

  @Test func highFlatLossesAreUnderfitting() {
    let reading = LearningCurveReading(
      loss: [1.61, 1.60, 1.60, 1.59, 1.59], validationLoss: [1.61, 1.61, 1.60, 1.60, 1.60],
      accuracy: [0.2, 0.21, 0.22, 0.22, 0.23])
    #expect(reading.verdict == .underfitting)
    #expect(
      reading.sentence
        == "Training loss is high (1.59, accuracy 0.23) and barely falling: "
        + "the model is underfitting; train longer or use a larger model.")
  }

  @Test func lowFlatLossesHaveLevelledOff() {
    let reading = LearningCurveReading(
      loss: [1.5, 0.8, 0.5, 0.45, 0.45, 0.45, 0.45], validationLoss: [1.4, 0.9, 0.7, 0.66, 0.66, 0.66, 0.66])
    #expect(reading.verdict == .levelledOff)
  }

  @Test func bothLossesRisingIsUnstable() {
    let reading = LearningCurveReading(loss: [1.0, 1.2, 1.5], validationLoss: [1.0, 1.3, 1.7])
    #expect(reading.verdict == .unstable)
  }

  @Test func oneEpochIsTooFewToRead() {
    let reading = LearningCurveReading(loss: [1.5], validationLoss: [1.3])
    #expect(reading.verdict == .tooFewEpochs)
    #expect(reading.sentence == "Only one epoch so far: train for more epochs to see a trend.")
  }

  @Test func noEpochsIsNoData() {
    #expect(LearningCurveReading(loss: []).verdict == .noData)
  }

  @Test func aNaNLossIsDivergenceAtItsEpoch() {
    let reading = LearningCurveReading(loss: [2.3, 5.1, .nan, .nan], validationLoss: [2.3, 4.0, 9.0, .nan])
    #expect(reading.verdict == .diverged(epoch: 3))
    #expect(reading.sentence.contains("smaller learning rate"))
  }

  @Test func withoutValidationOnlyTrainingIsRead() {
    let reading = LearningCurveReading(loss: [1.5, 1.2, 1.0, 0.85])
    #expect(reading.verdict == .stillLearning)
    #expect(reading.sentence.hasPrefix("Training loss is still falling"))
  }

  @Test func accuraciesAddTheGapToTheOverfittingSentence() {
    let reading = LearningCurveReading(
      loss: [1.2, 1.0, 0.8, 0.6, 0.5], validationLoss: [1.1, 0.95, 0.9, 0.95, 1.0],
      accuracy: [0.5, 0.6, 0.7, 0.75, 0.8], validationAccuracy: [0.5, 0.6, 0.62, 0.61, 0.6])
    #expect(reading.verdict == .overfitting(bestEpoch: 3, lowestValidationLoss: 0.9))
    #expect(reading.sentence.contains("(accuracy 0.80 on training, 0.60 on validation)"))
  }

  @Test func seriesOfDifferentLengthsAreCutToTheShorter() {
    let reading = LearningCurveReading(loss: [1.5, 1.2, 1.0, 0.85, 0.7, 0.6], validationLoss: [1.4, 1.15, 1.0, 0.9])
    #expect(reading.verdict == .stillLearning)
  }
}
