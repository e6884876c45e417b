import CNN
import Foundation
import TerminalUI

/// The settings of `lesson bench`, read from the command line by `CommandTable`.
struct BenchOptions: Equatable {
  /// The models to measure, in order.
  var models: [ReferenceModel] = [.lesson]
  var epochs = 3
  var images = 10_000
  var batchSize = 32
  /// Threads for the kernels; nil for every core.
  var threads: Int?
  /// Print JSON instead of a table.
  var json = false

}

/// What `lesson bench` measured for one model.
struct BenchResult: Codable, Equatable {
  let model: String
  let parameters: Int
  let threads: Int
  let trainingImagesPerSecond: Double
  let predictionImagesPerSecondAtBatch32: Double
  let predictionImagesPerSecondAtBatch256: Double
  let megaflopPerTrainedImage: Double
  let achievedGigaflops: Double
  let peakGigaflops: Double
  let peakResidentMebibytes: Double
  /// Where the last timed epoch's training steps spent their time.
  let layers: [LayerTime]
}

/// Trains each reference model on random 32×32×3 images with a fixed seed and reports training
/// and prediction throughput, the arithmetic rate against this machine's measured peak, peak
/// memory and start-up time. Training is one warm-up epoch, then the median of the timed epochs.
struct Bench {
  let options: BenchOptions

  func run() throws {
    let results = try measureModels()
    let startUp = ProcessMeasurements.startUpSeconds(arguments: ["help"])
    if options.json {
      let report = BenchReport(results: results, startUpMilliseconds: startUp.map { $0 * 1000 })
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      TerminalOutput.current.writeLine(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else if let startUp {
      TerminalOutput.current.writeLine(
        String(format: "Start-up: %.0f ms (`lesson help`, median of 5 runs)", startUp * 1000))
    }
  }

  /// Measures every model the options name, printing each one's lines unless JSON was asked for.
  func measureModels() throws -> [BenchResult] {
    if let threads = options.threads { ComputeThreads.use(threads) }
    let peak = KernelBenchmark.matrixProductGigaflops()
    return try options.models.map { try measure($0, peakGigaflops: peak) }
  }

  /// Measures one model, printing its lines unless JSON was asked for.
  private func measure(_ reference: ReferenceModel, peakGigaflops: Double) throws -> BenchResult {
    setRandomSeed(42)
    let model = try reference.makeModel()
    model.compile(optimizer: .adam(), loss: reference.loss, metrics: [.accuracy])
    let classes = model.outputShape?.first ?? 1
    let images = Tensor(randomUniform: [options.images, 32, 32, 3])
    let labels = Tensor(labels: (0..<options.images).map { $0 % classes })
    say(
      "\(reference.rawValue): \(model.parameterCount) parameters, \(options.images) random 32×32×3 images, "
        + "batch \(options.batchSize), Adam, \(ComputeThreads.count) thread(s)")
    var rates: [Double] = []
    for epoch in 0...options.epochs {
      let start = Date()
      // The last epoch is also timed layer by layer (timing costs far less than a microsecond a layer).
      if epoch == options.epochs { model.stopwatch.start() }
      try model.fit(images, labels, batchSize: options.batchSize, epochs: 1, verbose: 0)
      model.stopwatch.stop()
      let rate = Double(options.images) / Date().timeIntervalSince(start)
      say(String(format: "  epoch %d%@: %.0f images/s", epoch, epoch == 0 ? " (warm-up)" : "", rate))
      if epoch > 0 { rates.append(rate) }
    }
    let training = rates.sorted()[rates.count / 2]
    // Read before predicting: batches of 256 need more memory than training does.
    let memory = Double(ProcessMeasurements.peakResidentBytes) / 1_048_576
    let predictionImages = images[0..<min(options.images, 2048)]
    let at32 = try Self.predictionRate(model, predictionImages, batchSize: 32)
    let at256 = try Self.predictionRate(model, predictionImages, batchSize: 256)
    let megaflop = Double(2 * model.multiplyAddsPerTrainedImage) / 1e6
    let achieved = training * megaflop / 1000
    say(String(format: "  training:   %.0f images/s (median of %d epochs)", training, rates.count))
    say(String(format: "  prediction: %.0f images/s at batch 32, %.0f at batch 256", at32, at256))
    say(
      String(
        format: "  arithmetic: %.2f MFLOP per trained image, %.1f GFLOPS: %.0f %% of the %.0f GFLOPS this machine's "
          + "matrix kernel reaches", megaflop, achieved, 100 * achieved / peakGigaflops, peakGigaflops))
    say(String(format: "  peak memory while training (and before): %.0f MiB resident", memory))
    let layers = LayerTime.perStep(from: model.stopwatch)
    LayerTime.lines(layers, batchSize: options.batchSize).forEach(say)
    return BenchResult(
      model: reference.rawValue, parameters: model.parameterCount, threads: ComputeThreads.count,
      trainingImagesPerSecond: training, predictionImagesPerSecondAtBatch32: at32,
      predictionImagesPerSecondAtBatch256: at256, megaflopPerTrainedImage: megaflop, achievedGigaflops: achieved,
      peakGigaflops: peakGigaflops, peakResidentMebibytes: memory, layers: layers)
  }

  private func say(_ line: String) {
    if !options.json { TerminalOutput.current.writeLine(line) }
  }

  /// Images per second `predict` handles in batches of `batchSize`: the median of three passes.
  static func predictionRate(_ model: Model, _ images: Tensor, batchSize: Int) throws -> Double {
    _ = try model.predict(images, batchSize: batchSize, verbose: 0)
    var rates: [Double] = []
    for _ in 0..<3 {
      let start = Date()
      _ = try model.predict(images, batchSize: batchSize, verbose: 0)
      rates.append(Double(images.shape[0]) / Date().timeIntervalSince(start))
    }
    return rates.sorted()[1]
  }
}

/// What `lesson bench --json` prints.
struct BenchReport: Codable {
  let results: [BenchResult]
  let startUpMilliseconds: Double?
}
