import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct SimpleLayerTests {
  @Test func flattenKeepsRowMajorOrder() throws {
    let flatten = Flatten()
    let batch = Tensor(shape: [2, 2, 2, 1], scalars: [1, 2, 3, 4, 5, 6, 7, 8])
    let flat = try flatten(batch)
    #expect(flat.shape == [2, 4])
    #expect(flat.scalars == batch.scalars)
    #expect(try flatten.outputShape(for: [15, 15, 16]) == [3600])
  }

  @Test func rescalingMultipliesThenAdds() throws {
    let rescale = Rescaling(scale: 1.0 / 255)
    let scaled = try rescale(Tensor([[0, 255, 51]])).scalars
    #expect(zip(scaled, [0, 1, 0.2]).allSatisfy { Swift.abs($0 - $1) < 1e-6 })
    #expect(try Rescaling(scale: 2, offset: -1)(Tensor([[0, 1]])).scalars == [-1, 1])
  }

  @Test func dropoutOnlyActsInTraining() throws {
    let dropout = Dropout(rate: 0.5, seed: 3)
    let input = Tensor(ones: [10, 100])
    #expect(try dropout(input) == input)
    let trained = dropout.forward(input, training: true)
    let kept = trained.scalars.filter { $0 != 0 }
    // Kept values are scaled by 1 / (1 − 0.5) = 2; about half are dropped.
    #expect(kept.allSatisfy { $0 == 2 })
    #expect((400...600).contains(kept.count))
  }

  @Test func dropoutWithASeedRepeatsItsMasks() throws {
    func masks(seed: UInt64) throws -> Tensor {
      let dropout = Dropout(rate: 0.3, seed: seed)
      try dropout.build(inputShape: [20])
      return dropout.forward(Tensor(ones: [2, 20]), training: true)
    }
    #expect(try masks(seed: 4) == masks(seed: 4))
    #expect(try masks(seed: 4) != masks(seed: 5))
  }

  @Test func dropoutRejectsARateOfOneOrMore() {
    let error = #expect(throws: LayerError.self) { try Dropout(rate: 1, name: "drop").build(inputShape: [4]) }
    #expect(error?.description.contains("drop: rate must be at least 0 and less than 1") == true)
  }

  @Test func inputPassesItsShapeOn() throws {
    let input = Input(shape: [32, 32, 3])
    #expect(input.output.shape == [nil, 32, 32, 3])
    #expect(input.className == "InputLayer")
    #expect(input.config["batch_shape"] == [nil, 32, 32, 3])
  }

  @Test func anInputWithAnImpossibleShapeSaysSo() {
    let input = Input(shape: [32, 0, 3], name: "in")
    let error = #expect(throws: LayerError.self) { try Dense(units: 2)(input) }
    #expect(error?.description.contains("in: shape must be one or more positive sizes") == true)
  }

  @Test func callingALayerOnASymbolicTensorGivesItsShape() throws {
    let inputs = Input(shape: [32, 32, 3])
    let x = try Conv2D(filters: 16, kernelSize: 3)(inputs)
    #expect(x.shape == [nil, 30, 30, 16])
    let y = try MaxPooling2D(poolSize: 2)(x)
    #expect(y.shape == [nil, 15, 15, 16])
    #expect(y.layers.count == 2)
    #expect("\(y)".hasPrefix("<SymbolicTensor shape=(None, 15, 15, 16)"))
  }
}
