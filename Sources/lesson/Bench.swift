import CNN
import Foundation

/// The settings of `lesson bench`.
struct BenchOptions: Equatable {
  var model: ReferenceModel = .lesson
  var epochs = 3
  var images = 10_000
  var batchSize = 32

  /// Parses `[NAME] [--epochs N] [--images N] [--batch-size N]`.
  static func parse(_ arguments: [String]) throws(UsageError) -> BenchOptions {
    var options = BenchOptions()
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      switch argument {
      case "--epochs", "--images", "--batch-size":
        guard let text = remaining.popFirst() else {
          throw .missingArgument(command: "bench \(argument)", argument: "number")
        }
        guard let value = Int(text), value > 0 else {
          throw .invalidValue(option: argument, value: text, requirement: "a positive whole number")
        }
        switch argument {
        case "--epochs": options.epochs = value
        case "--images": options.images = value
        default: options.batchSize = value
        }
      default:
        guard !argument.hasPrefix("-") else { throw .unexpectedArgument(argument) }
        options.model = try LessonCommand.referenceModel(named: argument)
      }
    }
    return options
  }
}

/// Trains a reference model on random 32×32×3 images with a fixed seed and reports how many images
/// per second it trains: one warm-up epoch, then the median of the timed epochs.
struct Bench {
  let options: BenchOptions

  func run() throws {
    setRandomSeed(42)
    let model = try options.model.makeModel()
    model.compile(optimizer: .adam(), loss: options.model.loss, metrics: [.accuracy])
    let classes = model.outputShape?.first ?? 1
    let images = Tensor(randomUniform: [options.images, 32, 32, 3])
    let labels = Tensor(labels: (0..<options.images).map { $0 % classes })
    print(
      "Training \(options.model.rawValue) (\(model.parameterCount) parameters) on \(options.images) random 32×32×3 images, batch \(options.batchSize), Adam"
    )
    var rates: [Double] = []
    for epoch in 0...options.epochs {
      let start = Date()
      try model.fit(images, labels, batchSize: options.batchSize, epochs: 1, verbose: 0)
      let rate = Double(options.images) / Date().timeIntervalSince(start)
      print(String(format: "  epoch %d%@: %.0f images/s", epoch, epoch == 0 ? " (warm-up)" : "", rate))
      if epoch > 0 { rates.append(rate) }
    }
    let median = rates.sorted()[rates.count / 2]
    print(String(format: "Training throughput: %.0f images/s (median of %d epochs)", median, rates.count))
  }
}
