import CNN
import Foundation
import ImageCodecs
import LessonToolkit
import TerminalUI

/// `lesson demo visuals`: every picture the lesson draws, on real data from `Datasets/`, so a
/// person can look at them in their own terminal (and, with an SVG folder, as files).
///
/// It trains the lesson's first model on the shapes for a few epochs (a few seconds), so the
/// curves, the prediction and the confusion matrix come from a real model.
public struct DemoVisuals {
  let datasets: String
  let svgFolder: String?
  let epochs: Int
  let output = TerminalOutput.current

  /// Creates the demo, reading from `datasets` and writing SVG files into `svgFolder` if given.
  public init(datasets: String, svgFolder: String? = nil, epochs: Int = 8) {
    self.datasets = datasets
    self.svgFolder = svgFolder
    self.epochs = epochs
  }

  private var capabilities: TerminalCapabilities { output.capabilities }

  /// Shows every visual in turn.
  ///
  /// - Throws: an error naming the file when a dataset image cannot be read, or the SVG folder
  ///   cannot be written.
  public func run() throws {
    setRandomSeed(1)
    if let svgFolder { try FileManager.default.createDirectory(atPath: svgFolder, withIntermediateDirectories: true) }
    let colour = capabilities.colors.name
    say("Visuals at \(capabilities.width) columns, \(colour)\(capabilities.usesUnicode ? "" : ", ASCII only").")

    let training = try quietly {
      try imageDatasetFromDirectory(datasets + "/shapes/train", batchSize: 32, imageSize: [32, 32], seed: 1)
    }
    let classNames = training.classNames
    let iterator = training.makeIterator()
    guard let batch = iterator.next() else { return }

    heading("1. A batch of training images, with their classes")
    let grid = ImageGrid(batch: batch.images, labels: batch.labels.classIndices, classNames: classNames)
    show(grid.lines(for: capabilities), svg: grid.svg(title: "A batch of shapes"), named: "batch")

    heading("2. An image is a grid of numbers")
    let digit = try Image(contentsOf: datasets + "/digits/train/7/00000.png")
    let pixels = PixelGrid(digit, aroundRow: 14, column: 14)
    show(pixels.lines(for: capabilities), svg: pixels.svg(title: "Pixels of a handwritten 7"), named: "pixels")
    say("")
    let cat = try Image(contentsOf: datasets + "/photos/chelsea.png")
    let channels = ChannelSplit(cat)
    show(channels.lines(for: capabilities), svg: channels.svg(title: "Colour channels"), named: "channels")

    heading("3. Pixel values before and after Rescaling(scale: 1.0 / 255)")
    let values = batch.images.scalars.map(Double.init)
    let before = Histogram(values, bins: 8, range: 0...255, title: "before: 0 to 255")
    let after = Histogram(values.map { $0 / 255 }, bins: 8, range: 0...1, title: "after: 0 to 1")
    show(
      Histogram.sideBySide(before, after, for: capabilities), svg: Histogram.svg([before, after], title: "Rescaling"),
      named: "rescaling")

    heading("4. The lesson's first model, layer by layer")
    let model = try ReferenceModel.lesson.makeModel(classCount: classNames.count, rescaling: true)
    say(model.summaryText(lineLength: Swift.min(88, capabilities.width - 4), usesUnicode: capabilities.usesUnicode))

    heading("5. Training it (\(epochs) epochs), with Keras's progress line")
    let validation = try quietly {
      try imageDatasetFromDirectory(datasets + "/shapes/val", imageSize: [32, 32], shuffle: false)
    }
    model.compile(optimizer: .adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    let history = try model.fit(training, epochs: epochs, validationData: validation)

    heading("6. Learning curves")
    let curves = LearningCurves(history: history, title: "cifar_model_intro on shapes")
    show(curves.lines(for: capabilities), svg: curves.svg(title: "Learning curves"), named: "curves")

    heading("7. One prediction: softmax probabilities and their argmax")
    let test = try quietly {
      try imageDatasetFromDirectory(datasets + "/shapes/test", imageSize: [32, 32], shuffle: false)
    }
    let probabilities = try model.predict(test, verbose: 0)
    let trueLabels = test.classIndices
    let predicted = probabilities.argmax(axis: -1)
    let testImages = Tensor(stacking: test.flatMap { batch in (0..<batch.images.shape[0]).map { batch.images[$0] } })
    let example = 3
    say(ImageView(Image(testImages[example]), maximumWidth: 32).lines(for: capabilities))
    let bars = ProbabilityBars(
      prediction: probabilities[example], classNames: classNames, trueLabel: trueLabels[example])
    show(bars.lines(for: capabilities), svg: bars.svg(title: "A prediction"), named: "prediction")

    heading("8. The confusion matrix of the test set")
    let matrix = try ConfusionMatrixView(yTrue: trueLabels, yPred: predicted, classNames: classNames)
    show(matrix.lines(for: capabilities), svg: matrix.svg(title: "Confusion matrix"), named: "confusion")

    heading("9. Some mistakes: true class → predicted class")
    let mistakes = zip(trueLabels, predicted).enumerated().filter { $0.element.0 != $0.element.1 }.prefix(6)
    let tiles = mistakes.map { index, pair in
      ImageGrid.Tile.prediction(Image(testImages[index]), label: classNames[pair.0], predicted: classNames[pair.1])
    }
    let mistakeGrid = ImageGrid(Array(tiles))
    show(mistakeGrid.lines(for: capabilities), svg: mistakeGrid.svg(title: "Mistakes"), named: "mistakes")
    if let svgFolder { say("SVG files of each figure are in \(svgFolder).") }
  }

  // MARK: - Writing

  private func heading(_ text: String) {
    output.writeLine("")
    let lines = TextLayout.wrapped(text, width: capabilities.width)
    for line in lines { output.writeLine(capabilities.colors == .none ? line : "\u{1B}[1m\(line)\u{1B}[0m") }
    let underline = lines.map(\.count).max() ?? 0
    output.writeLine(String(repeating: capabilities.usesUnicode ? "─" : "-", count: underline))
  }

  private func say(_ text: String) {
    output.write(text.hasSuffix("\n") ? text : text + "\n")
  }

  private func say(_ lines: [String]) {
    for line in lines { output.writeLine(line) }
  }

  /// Prints a view's lines and, with an SVG folder, writes its figure there.
  private func show(_ lines: [String], svg: @autoclosure () -> SVGDocument, named name: String) {
    say(lines)
    guard let svgFolder else { return }
    let path = (svgFolder as NSString).appendingPathComponent(name + ".svg")
    do {
      try svg().write(to: path)
    } catch {
      say("Could not write \(path): \(error.localizedDescription)")
    }
  }

  /// Runs `body` with the dataset loader's "Found … files" lines kept out of the demo.
  private func quietly<T>(_ body: () throws -> T) throws -> T {
    try TerminalOutput.$current.withValue(TerminalOutput(capabilities: capabilities) { _ in }, operation: body)
  }
}
