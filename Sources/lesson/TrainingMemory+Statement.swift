import CNN

extension TrainingMemory {
  /// What `lesson train` says before it starts: "Training needs about 583.17 MB: 185.39 MB of
  /// images, 105.43 MB of weights, gradients and Adam's moments, 292.35 MB of activations for
  /// batches of 32 images."
  var statement: String {
    """
    Training needs about \(Model.readableSize(totalBytes)): \(Model.readableSize(imageBytes)) of images, \
    \(Model.readableSize(parameterBytes)) of weights, gradients and Adam's moments, \
    \(Model.readableSize(activationBytes)) of activations for batches of \(batchSize) images.
    """
  }
}
