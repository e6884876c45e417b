import CNNTestSupport
import Testing

@testable import CNN

/// Pixels become Float32 values exactly, and a `Rescaling` layer that takes them gives the very
/// numbers it gives on the converted batch.
@Suite(.isolatedSession) struct PixelBatchTests {
  /// Every byte value twice, in a `[2, 16, 16, 1]` batch.
  let everyValue = PixelBatch(shape: [2, 16, 16, 1], pixels: (0..<512).map { UInt8($0 % 256) })

  @Test func theTensorHoldsEachPixelValueAsAFloat() {
    let tensor = everyValue.tensor
    #expect(tensor.shape == [2, 16, 16, 1])
    #expect(tensor.scalars == (0..<512).map { Float($0 % 256) })
  }

  @Test(arguments: [(1.0 / 255, 0), (1.0 / 127.5, -1), (0.3, 0.7), (1, 0)] as [(Float, Float)])
  func rescalingPixelsGivesBitForBitWhatRescalingTheConvertedBatchGives(scale: Float, offset: Float) {
    let rescaling = Rescaling(scale: scale, offset: offset)
    for training in [false, true] {
      let fused = rescaling.forward(everyValue, training: training)
      let separate = rescaling.forward(everyValue.tensor, training: training)
      #expect(fused.shape == separate.shape)
      #expect(fused.scalars.map(\.bitPattern) == separate.scalars.map(\.bitPattern))
    }
  }
}
