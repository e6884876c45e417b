import CNN

extension TrainingMemory {
  /// What `lesson train` says before it starts: "Training needs about 420.66 MB: 185.39 MB of
  /// images, 105.43 MB of weights, gradients and Adam's moments, 105.84 MB of activations and
  /// their gradients for batches of 32 images, 24 MB for the program itself."
  var statement: String {
    """
    Training needs about \(Model.readableSize(totalBytes)): \(Model.readableSize(imageBytes)) of images, \
    \(Model.readableSize(parameterBytes)) of weights, gradients and Adam's moments, \
    \(Model.readableSize(activationBytes)) of activations and their gradients for batches of \(batchSize) \
    images, \(Model.readableSize(Self.programBytes)) for the program itself.
    """
  }
}
