import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct TensorReductionTests {
  let m = Tensor([[1, 5, 3], [4, 2, 6]])

  @Test func wholeTensorReductions() {
    #expect(m.sum() == 21)
    #expect(m.mean() == 3.5)
    #expect(m.min() == 1)
    #expect(m.max() == 6)
  }

  @Test func reductionsAlongAnAxisDropThatAxis() {
    #expect(m.sum(axis: 0) == Tensor([5, 7, 9]))
    #expect(m.sum(axis: 1) == Tensor([9, 12]))
    #expect(m.mean(axis: -1) == Tensor([3, 4]))
    #expect(m.max(axis: 0) == Tensor([4, 5, 6]))
    #expect(m.min(axis: 1) == Tensor([1, 2]))
  }

  @Test func argmaxGivesThePositionOfTheLargestValue() {
    #expect(m.argmax(axis: 1) == [1, 2])
    #expect(m.argmax(axis: 0) == [1, 0, 1])
    #expect(m.reshaped(to: [-1]).argmax() == [5])
    #expect(argmax(m, axis: -1) == [1, 2])
  }

  @Test func argmaxBreaksTiesTowardTheFirst() {
    #expect(Tensor([[0.5, 0.5, 0.1]]).argmax(axis: 1) == [0])
  }

  @Test func argmaxWorksAlongAMiddleAxis() {
    // shape [2, 3, 2]; along axis 1
    let t = Tensor(shape: [2, 3, 2], scalars: [0, 9, 5, 1, 2, 3, 7, 0, 1, 8, 1, 1])
    #expect(t.argmax(axis: 1) == [1, 0, 0, 1])
  }

  @Test func largeSumsAreAccumulatedInDouble() {
    // 1 + 1e-8 × 10⁶ in Float loses the small terms; in Double they add up to 1.01.
    let t = Tensor([1] + Array(repeating: 1e-8, count: 1_000_000))
    #expect(Swift.abs(t.sum() - 1.01) < 1e-6)
  }
}
