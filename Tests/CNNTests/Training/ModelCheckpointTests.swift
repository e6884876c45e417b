import CNNTestSupport
import Foundation
import Testing

@testable import CNN

@Suite(.isolatedSession) struct ModelCheckpointTests {
  @Test func placeholdersAreFilledAsInKeras() {
    let logs = Logs([("loss", 0.5), ("val_loss", 0.8734)])
    #expect(
      ModelCheckpoint.fill("model-{epoch:02d}-{val_loss:.2f}.cnnmodel", epoch: 3, logs: logs)
        == "model-03-0.87.cnnmodel")
    #expect(ModelCheckpoint.fill("m{epoch}.cnnmodel", epoch: 12, logs: logs) == "m12.cnnmodel")
    #expect(ModelCheckpoint.fill("{unknown}.cnnmodel", epoch: 1, logs: logs) == "{unknown}.cnnmodel")
  }

  @Test func savesOnlyWhenTheMonitoredValueImproves() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cnn-checkpoint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let model = try Sequential([Input(shape: [2]), Dense(units: 1)])
    let checkpoint = ModelCheckpoint(filePath: folder.path + "/best-{epoch}.cnnmodel", saveBestOnly: true)
    for (epoch, loss) in [0.9, 0.7, 0.8, 0.6].enumerated() {
      checkpoint.onEpochEnd(epoch, logs: Logs([("val_loss", loss)]), model: model)
    }
    #expect(
      checkpoint.savedPaths.map { URL(fileURLWithPath: $0).lastPathComponent } == [
        "best-1.cnnmodel", "best-2.cnnmodel", "best-4.cnnmodel",
      ])
    #expect(checkpoint.best == 0.6)
    #expect(try Model.load(from: folder.path + "/best-4.cnnmodel").weights == model.weights)
  }
}
