import CNNTestSupport
import Testing

@testable import CNN

/// Multiply-add counts of the reference models, worked out by hand from their layers (and equal
/// to the MFLOP figures of ../shared/reference/peer-speed.md: 0.81, 3.1 and 50.0 per image).
@Suite(.isolatedSession) struct ModelArithmeticTests {
  @Test func theLessonModelCostsItsConvolutionAndItsDenseLayer() throws {
    let model = try ReferenceModel.lesson.makeModel()
    // Conv2D: 30·30·16 outputs × 3·3·3 window; Dense: 3600 inputs × 5 units.
    #expect(model.multiplyAddsPerImage == 30 * 30 * 16 * 27 + 3600 * 5)
    // Training: three times the forward work, less the first layer's input gradient.
    #expect(model.multiplyAddsPerTrainedImage == 3 * 406_800 - 388_800)
  }

  @Test func theSmallAndBiggerModelsAddUpLayerByLayer() throws {
    let small = 30 * 30 * 16 * 27 + 13 * 13 * 32 * 144 + 4 * 4 * 64 * 288 + 1024 * 64 + 64 * 10
    #expect(try ReferenceModel.small.makeModel().multiplyAddsPerImage == small)
    let bigger =
      32 * 32 * 32 * 27 + 32 * 32 * 32 * 288 + 16 * 16 * 64 * 288 + 16 * 16 * 64 * 576 + 4096 * 128 + 128 * 10
    #expect(try ReferenceModel.bigger.makeModel().multiplyAddsPerImage == bigger)
  }
}
