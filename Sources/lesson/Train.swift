import CNN
import Foundation
import ImageCodecs

/// The settings of `lesson train`.
struct TrainOptions: Equatable {
  var folder: String
  var model: ReferenceModel = .lesson
  var epochs = 10
  var imageSize: [Int]?
  var batchSize = 32
  var seed: UInt64 = 42
  var savePath: String?

  /// Parses `DIR [--model NAME] [--epochs N] [--image-size H W] [--batch-size B] [--seed S] [--save FILE]`.
  static func parse(_ arguments: [String]) throws(UsageError) -> TrainOptions {
    var remaining = arguments[...]
    guard let folder = remaining.popFirst(), !folder.hasPrefix("-") else {
      throw .missingArgument(command: "train", argument: "folder of class folders")
    }
    var options = TrainOptions(folder: folder)
    func number(_ option: String) throws(UsageError) -> Int {
      guard let text = remaining.popFirst() else {
        throw .missingArgument(command: "train \(option)", argument: "number")
      }
      guard let value = Int(text), value > 0 else {
        throw .invalidValue(option: option, value: text, requirement: "a positive whole number")
      }
      return value
    }
    while let option = remaining.popFirst() {
      switch option {
      case "--model":
        guard let name = remaining.popFirst() else {
          throw .missingArgument(command: "train --model", argument: "NAME")
        }
        options.model = try LessonCommand.referenceModel(named: name)
      case "--epochs": options.epochs = try number(option)
      case "--image-size": options.imageSize = [try number(option), try number(option)]
      case "--batch-size": options.batchSize = try number(option)
      case "--seed": options.seed = UInt64(try number(option))
      case "--save":
        guard let path = remaining.popFirst() else { throw .missingArgument(command: "train --save", argument: "FILE") }
        options.savePath = path
      default:
        throw .unexpectedArgument(option)
      }
    }
    return options
  }
}

/// Trains a reference model on a folder of class folders: `train/` and `val/` when the folder has
/// them, otherwise 80 % of its images with 20 % kept for validation. The model is adapted to the
/// images' size, channels and classes, and rescales pixels to 0...1 itself.
struct Train {
  let options: TrainOptions

  /// Trains, prints the history, and saves the model if asked (after a Ctrl-C too: what was learned
  /// so far is kept).
  ///
  /// - Returns: why training stopped, which decides the exit status.
  @discardableResult
  func run() throws -> History.StopReason {
    setRandomSeed(options.seed)
    let folder = options.folder
    let hasSplits = ["train", "val"].allSatisfy { isFolder((folder as NSString).appendingPathComponent($0)) }
    let trainingFolder = hasSplits ? (folder as NSString).appendingPathComponent("train") : folder
    let sample = try firstImageInfo(in: trainingFolder)
    let imageSize = options.imageSize ?? [sample.height, sample.width]
    let colorMode: ColorMode = sample.channels <= 2 ? .grayscale : .rgb
    let training: ImageDataset
    let validation: ImageDataset
    if hasSplits {
      training = try imageDatasetFromDirectory(
        trainingFolder, colorMode: colorMode, batchSize: options.batchSize, imageSize: imageSize, seed: options.seed)
      validation = try imageDatasetFromDirectory(
        (folder as NSString).appendingPathComponent("val"), colorMode: colorMode, batchSize: options.batchSize,
        imageSize: imageSize, shuffle: false)
    } else {
      (training, validation) = try imageDatasetFromDirectory(
        folder, colorMode: colorMode, batchSize: options.batchSize, imageSize: imageSize, seed: options.seed,
        validationSplit: 0.2, subset: .both)
    }
    let model = try options.model.makeModel(
      inputShape: imageSize + [colorMode.channels], classCount: training.classNames.count, rescaling: true)
    model.compile(optimizer: .adam(), loss: options.model.loss, metrics: [.accuracy])
    model.summary()
    let start = Date()
    let history = try model.fit(training, epochs: options.epochs, validationData: validation)
    let seconds = Date().timeIntervalSince(start)
    let output = TrainingOutput.current
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
      output.writeLine("Saved the model to \(path).")
    }
    return history.stopReason
  }

  /// What the first image file found below `folder` says, to size the model.
  private func firstImageInfo(in folder: String) throws -> ImageInfo {
    let extensions = Set(ImageFormat.allCases.flatMap(\.fileExtensions))
    let names = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    for name in names where extensions.contains((name as NSString).pathExtension.lowercased()) {
      if let info = try? Image.info(contentsOf: (folder as NSString).appendingPathComponent(name)) { return info }
    }
    throw ImageDatasetError.noImages(folder: folder)
  }

  private func isFolder(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
  }
}
