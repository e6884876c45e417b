import CNN
import CNNTestSupport
import Foundation
import Testing

@testable import lesson

/// `lesson bench` measures what it says, on a tiny run; the figures themselves are never judged
/// here (speed lives in the benchmark, not in tests).
@Suite(.isolatedSession) struct BenchTests {
  @Test func aTinyRunReportsEveryFigureOfTheModel() throws {
    let options = BenchOptions(models: [.lesson], epochs: 1, images: 64, batchSize: 32, threads: nil, json: true)
    let results = try Bench(options: options).measureModels()
    let result = try #require(results.first)
    #expect(results.count == 1)
    #expect(result.model == "lesson" && result.parameters == 18_453)
    // 2 × (3 × 406,800 − 388,800) floating-point operations per trained image.
    #expect(result.megaflopPerTrainedImage == 1.6632)
    #expect(result.trainingImagesPerSecond > 0 && result.predictionImagesPerSecondAtBatch256 > 0)
    #expect(result.achievedGigaflops == result.trainingImagesPerSecond * 1.6632 / 1000)
    #expect(result.peakGigaflops > 0 && result.peakResidentMebibytes > 0)
    // conv2d, max_pooling2d, flatten, dense, then the loss and the optimizer.
    #expect(result.layers.map(\.name) == ["conv2d", "max_pooling2d", "flatten", "dense", "loss", "optimizer"])
    let convolution = try #require(result.layers.first)
    #expect(convolution.forwardMilliseconds > 0 && convolution.backwardMilliseconds > 0)
  }

  @Test func theJSONReportReadsBack() throws {
    let result = BenchResult(
      model: "small", parameters: 89_834, threads: 2, trainingImagesPerSecond: 4000,
      predictionImagesPerSecondAtBatch32: 12_000, predictionImagesPerSecondAtBatch256: 12_500,
      megaflopPerTrainedImage: 8.39, achievedGigaflops: 33.6, peakGigaflops: 150, peakResidentMebibytes: 130,
      layers: [LayerTime(name: "conv2d", className: "Conv2D", forwardMilliseconds: 0.5, backwardMilliseconds: 1)])
    let report = BenchReport(results: [result], startUpMilliseconds: 50)
    let decoded = try JSONDecoder().decode(BenchReport.self, from: JSONEncoder().encode(report))
    #expect(decoded.results == [result] && decoded.startUpMilliseconds == 50)
  }
}
