import CNNTestSupport
import TerminalUI
import Testing

@testable import CNN

@Suite(.isolatedSession) struct SummaryTests {
  /// Keras 3's summary of keras-io's MNIST convnet in an 80-column terminal, as printed in
  /// keras-io `examples/vision/md/mnist_convnet.md` with the current column positions
  /// (`[0.45, 0.80, 1.0]`; shared/reference/keras-and-kernels.md §1.3).
  static let kerasMNISTSummary = """
    Model: "sequential"
    ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
    ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
    ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
    │ conv2d (Conv2D)                 │ (None, 26, 26, 32)     │           320 │
    ├─────────────────────────────────┼────────────────────────┼───────────────┤
    │ max_pooling2d (MaxPooling2D)    │ (None, 13, 13, 32)     │             0 │
    ├─────────────────────────────────┼────────────────────────┼───────────────┤
    │ conv2d_1 (Conv2D)               │ (None, 11, 11, 64)     │        18,496 │
    ├─────────────────────────────────┼────────────────────────┼───────────────┤
    │ max_pooling2d_1 (MaxPooling2D)  │ (None, 5, 5, 64)       │             0 │
    ├─────────────────────────────────┼────────────────────────┼───────────────┤
    │ flatten (Flatten)               │ (None, 1600)           │             0 │
    ├─────────────────────────────────┼────────────────────────┼───────────────┤
    │ dropout (Dropout)               │ (None, 1600)           │             0 │
    ├─────────────────────────────────┼────────────────────────┼───────────────┤
    │ dense (Dense)                   │ (None, 10)             │        16,010 │
    └─────────────────────────────────┴────────────────────────┴───────────────┘
     Total params: 34,826 (136.04 KB)
     Trainable params: 34,826 (136.04 KB)
     Non-trainable params: 0 (0.00 B)

    """

  @Test func sequentialSummaryMatchesKerasCharacterForCharacter() throws {
    let model = try Sequential {
      Input(shape: [28, 28, 1])
      Conv2D(filters: 32, kernelSize: 3, activation: .relu)
      MaxPooling2D(poolSize: 2)
      Conv2D(filters: 64, kernelSize: 3, activation: .relu)
      MaxPooling2D(poolSize: 2)
      Flatten()
      Dropout(rate: 0.5)
      Dense(units: 10, activation: .softmax)
    }
    #expect(model.summaryText(lineLength: 76) == SummaryTests.kerasMNISTSummary)
  }

  @Test func functionalSummaryListsTheInputLayer() throws {
    let text = try ReferenceModel.lesson.makeModel().summaryText(lineLength: 76)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "Model: \"cifar_model_intro\"")
    #expect(lines[4] == "│ input_layer (InputLayer)        │ (None, 32, 32, 3)      │             0 │")
    #expect(lines[6] == "│ conv2d (Conv2D)                 │ (None, 30, 30, 16)     │           448 │")
    #expect(lines[12] == "│ dense (Dense)                   │ (None, 5)              │        18,005 │")
    #expect(
      text.hasSuffix(
        " Total params: 18,453 (72.08 KB)\n Trainable params: 18,453 (72.08 KB)\n Non-trainable params: 0 (0.00 B)\n")
    )
  }

  @Test func widerTerminalsGetKerasWiderColumns() throws {
    // line length 88: cells of 38, 29 and 17 characters
    let text = try ReferenceModel.small.makeModel().summaryText(lineLength: 88)
    let top = text.split(separator: "\n")[1]
    #expect(
      top == "┏" + String(repeating: "━", count: 38) + "┳" + String(repeating: "━", count: 29) + "┳"
        + String(repeating: "━", count: 17) + "┓")
  }

  @Test func longNamesWrapInsideTheirCell() throws {
    let model = try Sequential {
      Input(shape: [8, 8, 3])
      GlobalAveragePooling2D(name: "global_average_pooling2d")
    }
    let lines = model.summaryText(lineLength: 76).split(separator: "\n")
    #expect(lines[4] == "│ global_average_pooling2d        │ (None, 3)              │             0 │")
    #expect(lines[5] == "│ (GlobalAveragePooling2D)        │                        │               │")
  }

  /// A model loaded from a stranger's file may carry any names: they are shown, escaped, and
  /// cannot clear the screen or set the window's title.
  @Test func namesWithEscapeSequencesAreShownEscaped() throws {
    let model = try Sequential(name: "m\u{1B}]0;pwned\u{07}") {
      Input(shape: [4])
      Dense(units: 2, name: "d\u{1B}[2J")
    }
    let text = model.summaryText(lineLength: 76)
    #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
    #expect(text.hasPrefix("Model: \"m\\e]0;pwned\\x07\"\n"))
    #expect(text.contains("│ d\\e[2J (Dense)"))
  }

  @Test func unbuiltLayersShowAQuestionMark() throws {
    let model = try Sequential([Dense(units: 4, name: "d")], name: "s")
    let lines = model.summaryText().split(separator: "\n")
    #expect(lines[4] == "│ d (Dense)                       │ ?                      │   0 (unbuilt) │")
    #expect(lines.last == " Non-trainable params: 0 (0.00 B)")
  }

  @Test func afterTrainingTheOptimizerParametersAreCounted() throws {
    setRandomSeed(2)
    let model = try ReferenceModel.lesson.makeModel()
    model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    try TerminalOutput.$current.withValue(TerminalOutput(isTerminal: false) { _ in }) {
      try model.fit(Tensor(randomUniform: [4, 32, 32, 3]), Tensor(labels: [0, 1, 2, 3]), epochs: 1, verbose: 0)
    }
    let text = model.summaryText()
    // Adam keeps 2 slots per weight, plus iterations (int64) and the learning rate (float32), as
    // Keras counts them: 2·18,453 + 2 = 36,908 values, 36,907·4 + 8 = 147,636 bytes.
    #expect(text.contains(" Optimizer params: 36,908 (144.18 KB)\n"))
    #expect(text.contains(" Total params: 55,361 (216.26 KB)\n"))
  }

  @Test func sizesUseBinaryUnitsWithTwoDecimals() {
    #expect(Model.readableSize(0) == "0.00 B")
    #expect(Model.readableSize(73_812) == "72.08 KB")
    #expect(Model.readableSize(2_365_096) == "2.26 MB")
    #expect(Model.grouped(591_274) == "591,274")
    #expect(Model.grouped(999) == "999")
  }
}
