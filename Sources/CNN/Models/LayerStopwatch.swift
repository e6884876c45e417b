import Dispatch

/// Where a model's time goes: the seconds each layer spends in its forward and backward passes,
/// and the loss and optimizer update, added up while the stopwatch runs. `lesson bench` shows it,
/// so that a learner sees which layer costs what.
///
///     model.stopwatch.start()
///     try model.fit(images, labels, epochs: 1)
///     model.stopwatch.stop()
///     model.stopwatch.timings   // one entry per layer, then the loss and the update
///
/// Kernels finish their work before a layer returns, so each layer's wall-clock time is its own.
public final class LayerStopwatch {
  /// The time one part of a step took, added up over the batches timed.
  public struct Timing: Equatable, Sendable {
    /// The layer's name (`conv2d`), or `loss` or `optimizer` for the parts of a step that are
    /// not layers.
    public let name: String
    /// The layer's Keras class (`Conv2D`), or an empty string for the loss and the optimizer.
    public let className: String
    /// Seconds spent in forward passes (or computing the loss, or updating the weights).
    public internal(set) var forwardSeconds: Double = 0
    /// Seconds spent in backward passes.
    public internal(set) var backwardSeconds: Double = 0
  }

  /// The two directions a layer is run in.
  enum Pass {
    case forward, backward
  }

  /// Whether time is being added up.
  public private(set) var isRunning = false
  /// Training steps timed since the last `reset`.
  public internal(set) var trainingSteps = 0
  private var layerTimings: [Timing] = []
  private var loss = Timing(name: "loss", className: "")
  private var optimizer = Timing(name: "optimizer", className: "")

  /// Creates a stopped stopwatch.
  public init() {}

  /// Starts adding up time, keeping what was added up before.
  public func start() { isRunning = true }

  /// Stops adding up time.
  public func stop() { isRunning = false }

  /// Forgets every time added up.
  public func reset() {
    layerTimings = []
    loss = Timing(name: "loss", className: "")
    optimizer = Timing(name: "optimizer", className: "")
    trainingSteps = 0
  }

  /// Every layer's time in model order, then the loss's and the optimizer's (their time is counted
  /// as forward time).
  public var timings: [Timing] { layerTimings + [loss, optimizer] }

  /// The moment a part of a step starts, to hand to `add(since:…)`, or nil when stopped.
  @inline(__always)
  func now() -> UInt64? {
    isRunning ? DispatchTime.now().uptimeNanoseconds : nil
  }

  /// Adds the time since `start` (from `now()`) to layer `index` of `layers` for `pass`.
  ///
  /// Layers are timed with this pair rather than a closure so that a layer can still be handed
  /// its input to consume.
  @inline(__always)
  func add(since start: UInt64?, toLayer index: Int, of layers: [Layer], _ pass: Pass) {
    guard let start else { return }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    if layerTimings.count != layers.count {
      layerTimings = layers.map { Timing(name: $0.name, className: $0.className) }
    }
    switch pass {
    case .forward: layerTimings[index].forwardSeconds += seconds
    case .backward: layerTimings[index].backwardSeconds += seconds
    }
  }

  /// Runs `body`, adding its time to the loss's while running.
  func timeLoss<Result>(_ body: () throws -> Result) rethrows -> Result {
    guard isRunning else { return try body() }
    let (result, seconds) = try measure(body)
    loss.forwardSeconds += seconds
    return result
  }

  /// Runs `body`, adding its time to the optimizer's while running, and counts a training step.
  func timeUpdate(_ body: () -> Void) {
    guard isRunning else { return body() }
    optimizer.forwardSeconds += measure(body).seconds
    trainingSteps += 1
  }

  private func measure<Result>(_ body: () throws -> Result) rethrows -> (Result, seconds: Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
}
