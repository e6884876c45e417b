/// A number of parameters that the layers built while it is `current` may create between them.
///
/// Loading a shared file builds its model with the number of weight values the file holds as
/// the allowance, so that a small hostile config cannot make the loader allocate gigabytes of
/// weights that the file could never fill: the build stops at the first layer that would pass it.
final class ParameterAllowance: @unchecked Sendable {
  /// The allowance of the layers being built on this task, if any.
  @TaskLocal static var current: ParameterAllowance?

  private var remaining: Int

  /// An allowance of `total` parameters.
  init(_ total: Int) {
    self.remaining = total
  }

  /// Takes `count` parameters for the layer called `layer`, or throws if fewer remain.
  func spend(_ count: Int, layer: String) throws(LayerError) {
    guard count <= remaining else { throw .moreParametersThanSaved(layer: layer, count: count, saved: remaining) }
    remaining -= count
  }
}
