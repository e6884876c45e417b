import CNN

/// Small image tasks with a known answer, for checking that models learn.
public enum SyntheticImages {
  /// `count` grayscale 8×8 images in 0...1 with noise; in class 0 the left half is brighter, in
  /// class 1 the right half. Labels alternate 0, 1, 0, 1, ….
  public static func brightSide(count: Int, seed: UInt64) -> (images: Tensor, labels: Tensor) {
    var generator = RandomGenerator(seed: seed)
    var scalars: [Float] = []
    scalars.reserveCapacity(count * 64)
    for item in 0..<count {
      let brightLeft = item % 2 == 0
      for _ in 0..<8 {
        for column in 0..<8 {
          let bright = (column < 4) == brightLeft
          scalars.append((bright ? 0.6 : 0.3) + 0.4 * generator.nextUniform())
        }
      }
    }
    return (Tensor(shape: [count, 8, 8, 1], scalars: scalars), Tensor(labels: (0..<count).map { $0 % 2 }))
  }

  /// A small convolutional classifier for `brightSide`.
  public static func brightSideModel() throws -> Model {
    try Sequential {
      Input(shape: [8, 8, 1])
      Conv2D(filters: 4, kernelSize: 3, activation: .relu)
      MaxPooling2D(poolSize: 2)
      Flatten()
      Dense(units: 2, activation: .softmax)
    }
  }
}
