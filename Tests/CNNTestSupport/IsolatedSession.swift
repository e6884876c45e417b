import Testing

@testable import CNN

/// Gives every test its own random generator and its own layer names, as if it ran in a fresh
/// process: tests run in parallel, and one test's `setRandomSeed` or `Conv2D()` must not change
/// the numbers or names another test sees.
///
///     @Suite(.isolatedSession) struct FitTests { … }
public struct IsolatedSession: SuiteTrait, TestTrait, TestScoping {
  /// Applies to each test of a suite, not once to the whole suite.
  public var isRecursive: Bool { true }

  public func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    guard testCase != nil || !test.isSuite else { return try await function() }
    try await GlobalRandom.$current.withValue(GlobalRandom(seed: 0)) {
      try await LayerNaming.$current.withValue(LayerNaming()) {
        try await function()
      }
    }
  }
}

extension Trait where Self == IsolatedSession {
  /// A fresh random generator (seed 0 until the test sets its own) and fresh layer names per test.
  public static var isolatedSession: IsolatedSession { IsolatedSession() }
}
