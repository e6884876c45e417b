import CNNTestSupport
import ImageCodecs
import Testing

@testable import CNN

@Suite(.isolatedSession) struct TensorImageTests {
  @Test func imagesBecomeTensorsOfPixelValues() {
    let image = Image(width: 2, height: 1, channels: 3, pixels: [0, 128, 255, 10, 20, 30])
    let tensor = Tensor(image: image)
    #expect(tensor.shape == [1, 2, 3])
    #expect(tensor.scalars == [0, 128, 255, 10, 20, 30])
    #expect(Image(tensor) == image)
  }

  @Test func rescaledTensorsComeBackWithAScaleAndAreClipped() {
    let tensor = Tensor(shape: [1, 3, 1], scalars: [0.5, 1.2, -0.1])
    #expect(Image(tensor, scale: 255).pixels == [128, 255, 0])
  }
}
