import CNN
import Foundation
import ImageCodecs
import TerminalUI
import TextEscaping

/// `lesson summary|predict|evaluate`: use a saved model (a `.keras` file, from Keras or from
/// `lesson train --save`, or a `.cnnmodel` file) on your own images.
enum ModelCommand: Equatable {
  /// The summary of a model file or of a reference model.
  case summary(model: String)
  /// Each image's class probabilities and predicted class.
  case predict(model: String, images: [String], classNames: String?)
  /// Accuracy and confusion matrix on a folder of class folders.
  case evaluate(model: String, folder: String)

  /// Runs the command; returns whether every image could be used.
  func run(output: TerminalOutput) throws -> Bool {
    switch self {
    case .summary(let name):
      if !FileManager.default.fileExists(atPath: name), let reference = ReferenceModel(rawValue: name) {
        try reference.makeModel().summary()
      } else {
        try Model.load(from: name).summary()
      }
      return true
    case .predict(let path, let images, let classNames):
      return try predict(model: Model.load(from: path), images: images, classNames: classNames, output: output)
    case .evaluate(let path, let folder):
      try evaluate(model: Model.load(from: path), folder: folder, output: output)
      return true
    }
  }

  /// The size and colours the model's input asks of an image.
  private static func imageFormat(of model: Model) throws -> (size: [Int], colorMode: ColorMode) {
    guard let shape = model.inputShape, shape.count == 3, [1, 3, 4].contains(shape[2]) else {
      throw ModelError.invalidArgument(
        argument: "model", value: model.name,
        requirement:
          "a model whose input is images, [height, width, 1, 3 or 4 channels]; this one takes \(model.inputShape ?? [])"
      )
    }
    return ([shape[0], shape[1]], shape[2] == 1 ? .grayscale : shape[2] == 3 ? .rgb : .rgba)
  }

  private func predict(model: Model, images: [String], classNames: String?, output: TerminalOutput) throws -> Bool {
    let (size, colorMode) = try ModelCommand.imageFormat(of: model)
    let classCount = model.outputShape?.last ?? 0
    let names = try ModelCommand.classNames(classNames, count: classCount)
    var allRead = true
    for path in images {
      let image: Tensor
      do {
        image = try loadImage(path, colorMode: colorMode, imageSize: size)
      } catch {
        // A decoding error names the file itself.
        output.writeLine(
          error is ImageDecodingError ? "Skipped \(error)" : "Skipped \(path.escapedForTerminal()): \(error)")
        allRead = false
        continue
      }
      let scores = try model.predict(image.expandingDimension(at: 0), verbose: 0)
      // A model ending in scores (logits) is shown through a softmax, as its loss reads them.
      let isProbabilities = [.softmax, .sigmoid].contains(model.outputActivation)
      let values = scores.scalars.map(Double.init)
      let exponentials = values.map { exp($0 - (values.max() ?? 0)) }
      let probabilities = isProbabilities ? values : exponentials.map { $0 / exponentials.reduce(0, +) }
      let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
      output.writeLine(
        "\(path.escapedForTerminal()): \(names[best].escapedForTerminal()) (probability \(String(format: "%.3f", probabilities[best])))"
          + (isProbabilities ? "" : ", the softmax of the model's scores"))
      for line in ProbabilityBars(labels: names, probabilities: probabilities).lines(for: output.capabilities) {
        output.writeLine(line)
      }
    }
    return allRead
  }

  private func evaluate(model: Model, folder: String, output: TerminalOutput) throws {
    let (size, colorMode) = try ModelCommand.imageFormat(of: model)
    let dataset = try imageDatasetFromDirectory(folder, colorMode: colorMode, imageSize: size, shuffle: false)
    let classCount = model.outputShape?.last ?? 0
    guard dataset.classNames.count == classCount else {
      throw ModelCommandError.classFolderCount(
        folder: folder, found: dataset.classNames.count, model: model.name, outputs: classCount)
    }
    let predicted = argmax(try model.predict(dataset, verbose: 0))
    let truth = dataset.labels.classIndices
    let matrix = try confusionMatrix(yTrue: truth, yPred: predicted, classCount: classCount)
    let view = ConfusionMatrixView(matrix: matrix, labels: dataset.classNames)
    output.writeLine("")
    for line in view.lines(for: output.capabilities) { output.writeLine(line) }
  }

  /// The class names `--classes` gives (comma-separated names, or a folder whose sorted
  /// sub-folders are the classes, as `imageDatasetFromDirectory` orders them), or "class 0", ….
  private static func classNames(_ option: String?, count: Int) throws -> [String] {
    guard let option else { return (0..<count).map { "class \($0)" } }
    var isFolder: ObjCBool = false
    let names: [String]
    if FileManager.default.fileExists(atPath: option, isDirectory: &isFolder), isFolder.boolValue {
      names = try FileManager.default.contentsOfDirectory(atPath: option).filter { name in
        var isSubfolder: ObjCBool = false
        return !name.hasPrefix(".")
          && FileManager.default.fileExists(
            atPath: (option as NSString).appendingPathComponent(name), isDirectory: &isSubfolder)
          && isSubfolder.boolValue
      }.sorted()
    } else {
      names = option.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    guard names.count == count else {
      throw ModelCommandError.classNameCount(given: names.count, outputs: count)
    }
    return names
  }
}
