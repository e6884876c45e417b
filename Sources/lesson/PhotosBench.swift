import CNN
import Foundation
import LessonEngine
import TerminalUI

/// The settings of `lesson bench photos`, read from the command line by `CommandTable`.
struct PhotosBenchOptions: Equatable {
  /// The folder of class folders to train on; nil for photos made from the shipped ones.
  var folder: String?
  /// The reference model trained.
  var model: ReferenceModel = .small
  /// Passes over the images.
  var epochs = 3
  /// `[height, width]` the images are resized to.
  var imageSize = [180, 180]
  /// How many photos to make when no folder is given.
  var images = 2_000
  /// Where to make the photos and keep them, to time another tool on the same ones; nil for a
  /// temporary folder.
  var keptFolder: String?
  /// Images per training step.
  var batchSize = 32
  /// Whether to print JSON instead of lines.
  var json = false
}

/// `lesson bench photos [DIR]`: the whole of a learner's own run, timed part by part: listing
/// the folder and decoding every photo (once: the dataset keeps them), then each epoch of training a
/// reference model on 80 % of them with the other 20 % for validation, as
/// `lesson train DIR --model small --image-size 180 180 --epochs 3` does, and the peak memory.
/// Without DIR it first makes 2,000 camera-like JPEGs (`BenchmarkPhotos`), which is not timed.
struct PhotosBench {
  let options: PhotosBenchOptions

  func run() throws {
    let output = TerminalOutput.current
    if let folder = options.folder {
      try measure(folder: folder, made: nil)
      return
    }
    guard let datasets = ProjectFolder.datasets() else { throw LessonError.datasetsNotFound }
    let folder =
      options.keptFolder
      ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("lesson-bench-photos-\(UUID().uuidString)")
    if let kept = options.keptFolder, let contents = try? FileManager.default.contentsOfDirectory(atPath: kept),
      !contents.isEmpty
    {
      throw UsageError.invalidValue(
        option: "--keep", value: kept, requirement: "a folder that does not exist yet or is empty")
    }
    defer { if options.keptFolder == nil { try? FileManager.default.removeItem(atPath: folder) } }
    if !options.json {
      output.writeLine(
        "Making \(options.images) JPEGs of \(BenchmarkPhotos.width)×\(BenchmarkPhotos.height) from the shipped photos…")
    }
    let start = Date()
    try BenchmarkPhotos.generate(count: options.images, into: folder, datasets: datasets)
    try measure(folder: folder, made: Date().timeIntervalSince(start))
  }

  /// Times training on `folder`; `made` is the seconds it took to make the photos, if it did.
  private func measure(folder: String, made: Double?) throws {
    setRandomSeed(42)
    let start = Date()
    let (training, validation) = try imageDatasetFromDirectory(
      folder, batchSize: options.batchSize, imageSize: options.imageSize, seed: 42, validationSplit: 0.2,
      subset: .both, verbose: false)
    // Making the datasets lists the folder and decodes every image into the datasets' cache.
    let decoded = Date()
    let model = try options.model.makeModel(
      inputShape: options.imageSize + [3], classCount: training.classNames.count, rescaling: true)
    model.compile(optimizer: .adam(), loss: options.model.loss, metrics: [.accuracy])
    let images = training.count + validation.count
    let memory = try options.model.trainingMemory(
      inputShape: options.imageSize + [3], classCount: training.classNames.count, rescaling: true,
      batchSize: min(options.batchSize, images), imageCount: images)
    let clock = EpochClock()
    model.stopwatch.start()
    let history = try model.fit(
      training, epochs: options.epochs, verbose: 0, callbacks: [clock.callback], validationData: validation)
    let report = PhotosBenchReport(
      folder: options.folder, images: images, classes: training.classNames.count,
      model: options.model.rawValue, imageSize: options.imageSize, epochs: options.epochs,
      batchSize: options.batchSize, threads: ComputeThreads.count, makingSeconds: made,
      decodingSeconds: decoded.timeIntervalSince(start),
      epochSeconds: clock.seconds,
      totalSeconds: Date().timeIntervalSince(start),
      peakResidentMebibytes: Double(ProcessMeasurements.peakResidentBytes) / 1_048_576,
      estimatedMebibytes: Double(memory.totalBytes) / 1_048_576,
      validationAccuracy: history.validationAccuracy.last ?? 0, layers: LayerTime.perStep(from: model.stopwatch))
    let output = TerminalOutput.current
    if options.json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      output.writeLine(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      for line in report.lines { output.writeLine(line) }
    }
  }
}

/// Times each epoch of `fit`, through a callback.
private final class EpochClock {
  private(set) var seconds: [Double] = []
  private var start = Date()

  var callback: LambdaCallback {
    LambdaCallback(
      onEpochBegin: { [self] _ in start = Date() },
      onEpochEnd: { [self] _, _ in seconds.append(Date().timeIntervalSince(start)) })
  }
}

/// What `lesson bench photos` measured, as lines or as JSON.
struct PhotosBenchReport: Codable, Equatable {
  let folder: String?
  let images: Int
  let classes: Int
  let model: String
  let imageSize: [Int]
  let epochs: Int
  let batchSize: Int
  let threads: Int
  let makingSeconds: Double?
  /// Listing the folder and decoding every image.
  let decodingSeconds: Double
  let epochSeconds: [Double]
  let totalSeconds: Double
  let peakResidentMebibytes: Double
  /// What `lesson train` states the run needs (`TrainingMemory`).
  let estimatedMebibytes: Double
  let validationAccuracy: Double
  /// Where the training steps spent their time, on average.
  let layers: [LayerTime]

  /// The report as a learner reads it.
  var lines: [String] {
    let size = imageSize.map(String.init).joined(separator: "×")
    var lines = [
      "\(model) model, \(images) images in \(classes) classes at \(size)×3, \(epochs) epoch\(epochs == 1 ? "" : "s"), \(threads) thread\(threads == 1 ? "" : "s")"
    ]
    if let makingSeconds {
      lines.append(String(format: "  making the photos:    %5.1f s (not counted)", makingSeconds))
    }
    lines.append(
      String(
        format: "  listing and decoding: %5.1f s (%.1f ms an image)", decodingSeconds,
        1000 * decodingSeconds / Double(max(1, images))))
    for (epoch, seconds) in epochSeconds.enumerated() {
      lines.append(String(format: "  epoch %d:              %5.1f s", epoch + 1, seconds))
    }
    lines.append(String(format: "  total (wall clock):   %5.1f s", totalSeconds))
    lines.append(String(format: "  peak memory:          %5.0f MiB resident", peakResidentMebibytes))
    lines.append(String(format: "  memory estimate:      %5.0f MiB (as lesson train says)", estimatedMebibytes))
    lines.append(String(format: "  validation accuracy:  %.4f", validationAccuracy))
    return lines + LayerTime.lines(layers, batchSize: batchSize)
  }
}
