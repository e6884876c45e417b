import CNN
import Foundation
import ImageCodecs
import TerminalUI
import TextEscaping

/// The settings of `lesson train`, read from the command line by `CommandTable`.
struct TrainOptions: Equatable {
  var folder: String
  var model: ReferenceModel = .lesson
  var epochs = 10
  var imageSize: [Int]?
  var batchSize = 32
  var seed: UInt64 = 42
  var savePath: String?

}

/// Trains a reference model on a folder of class folders: `train/` and `val/` when the folder has
/// them, otherwise 80 % of its images with 20 % kept for validation. The model is adapted to the
/// images' most common size (or `--image-size`), their channels and classes, and rescales pixels
/// to 0...1 itself; a model that would not fit in memory is refused before it is made.
struct Train {
  let options: TrainOptions
  /// The bytes training may use: half of this machine's memory.
  var memoryBudget = Int(clamping: ProcessInfo.processInfo.physicalMemory / 2)

  /// Trains, prints the history, and saves the model if asked (after a Ctrl-C too: what was learned
  /// so far is kept).
  ///
  /// - Returns: why training stopped, which decides the exit status.
  /// - Throws: `TrainingDataError` for a folder that cannot be trained on sensibly, before any image
  ///   is decoded.
  @discardableResult
  func run() throws -> History.StopReason {
    setRandomSeed(options.seed)
    let data = try TrainingFolder(options.folder)
    let output = TerminalOutput.current
    let imageSize = options.imageSize ?? data.commonSize
    output.writeLine(data.sizeSummary(resizingTo: imageSize))
    let colorMode: ColorMode = data.isMostlyGray ? .grayscale : .rgb
    let inputShape = imageSize + [colorMode.channels]
    // A batch is never larger than the images there are.
    let memory = try checkMemory(
      inputShape: inputShape, classCount: data.classNames.count, batchSize: min(options.batchSize, data.imageCount),
      imageCount: data.imageCount)
    output.writeLine(memory.statement)
    let training: ImageDataset
    let validation: ImageDataset
    if let validationFolder = data.validationFolder {
      training = try imageDatasetFromDirectory(
        data.trainingFolder, colorMode: colorMode, batchSize: options.batchSize, imageSize: imageSize,
        seed: options.seed)
      validation = try imageDatasetFromDirectory(
        validationFolder, colorMode: colorMode, batchSize: options.batchSize, imageSize: imageSize, shuffle: false)
    } else {
      (training, validation) = try imageDatasetFromDirectory(
        data.trainingFolder, colorMode: colorMode, batchSize: options.batchSize, imageSize: imageSize,
        seed: options.seed, validationSplit: 0.2, subset: .both)
    }
    let model = try options.model.makeModel(
      inputShape: inputShape, classCount: training.classNames.count, rescaling: true)
    model.compile(optimizer: .adam(), loss: options.model.loss, metrics: [.accuracy])
    model.summary()
    let start = Date()
    let history = try model.fit(training, epochs: options.epochs, validationData: validation)
    let seconds = Date().timeIntervalSince(start)
    output.writeLine("\nepoch  loss    accuracy  val_loss  val_accuracy")
    for epoch in history.epochs {
      output.writeLine(
        String(
          format: "%5d  %.4f  %.4f    %.4f    %.4f", epoch + 1, history.loss[epoch], history.accuracy[epoch],
          history.validationLoss[epoch], history.validationAccuracy[epoch]))
    }
    if let last = history.validationAccuracy.last {
      output.writeLine(
        String(
          format: "\nValidation accuracy: %.4f after %d epochs (%.1f s of training).", last, history.epochs.count,
          seconds))
    }
    if let path = options.savePath {
      try model.save(to: path)
      output.writeLine("Saved the model to \(path.escapedForTerminal()).")
    }
    return history.stopReason
  }

  /// Returns the memory training will need, or refuses a model whose training would not fit in
  /// `memoryBudget`, suggesting the largest size (halving both sides) that would.
  private func checkMemory(inputShape: [Int], classCount: Int, batchSize: Int, imageCount: Int) throws
    -> TrainingMemory
  {
    func memory(_ size: [Int]) throws -> TrainingMemory {
      try options.model.trainingMemory(
        inputShape: size + [inputShape[2]], classCount: classCount, rescaling: true, batchSize: batchSize,
        imageCount: imageCount)
    }
    let needed = try memory(Array(inputShape.prefix(2)))
    guard needed.totalBytes > memoryBudget else { return needed }
    var suggestion = Array(inputShape.prefix(2))
    repeat {
      suggestion = suggestion.map { $0 / 2 }
    } while suggestion.allSatisfy({ $0 >= 8 }) && (try? memory(suggestion).totalBytes <= memoryBudget) != true
    throw TrainingDataError.modelTooLarge(
      imageSize: Array(inputShape.prefix(2)), memory: needed, budget: memoryBudget,
      suggestion: suggestion.allSatisfy { $0 >= 8 } ? suggestion : nil)
  }
}
