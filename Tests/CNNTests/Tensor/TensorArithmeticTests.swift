import CNNTestSupport
import Testing

@testable import CNN

@Suite(.isolatedSession) struct TensorArithmeticTests {
  let a = Tensor([[1, 2, 3], [4, 5, 6]])

  @Test func sameShapeOperationsWorkValueByValue() {
    let b = Tensor([[6, 5, 4], [3, 2, 1]])
    #expect((a + b).scalars == Array(repeating: 7, count: 6))
    #expect((a - b).scalars == [-5, -3, -1, 1, 3, 5])
    #expect((a * b).scalars == [6, 10, 12, 12, 10, 6])
    let quotients: [Float] = [1.0 / 6, 2.0 / 5, 3.0 / 4, 4.0 / 3, 5.0 / 2, 6]
    #expect((a / b).scalars == quotients)
  }

  @Test func numbersApplyToEveryValue() {
    #expect((a / 2).scalars == [0.5, 1, 1.5, 2, 2.5, 3])
    #expect((10 - a).scalars == [9, 8, 7, 6, 5, 4])
    #expect((-a).scalars == [-1, -2, -3, -4, -5, -6])
    var c = a
    c *= 2
    c += 1
    #expect(c.scalars == [3, 5, 7, 9, 11, 13])
  }

  @Test func aRowBroadcastsOverEveryRow() {
    let row = Tensor([10, 20, 30])
    #expect((a + row).scalars == [11, 22, 33, 14, 25, 36])
  }

  @Test func aColumnBroadcastsOverEveryColumn() {
    let column = Tensor([[100], [200]])
    #expect((a + column).scalars == [101, 102, 103, 204, 205, 206])
  }

  @Test func bothOperandsCanBroadcastAtOnce() {
    // [2, 1] with [1, 3] gives [2, 3], as NumPy's np.array([[1],[2]]) * np.array([[1,2,3]]).
    let left = Tensor([[1], [2]])
    let right = Tensor([[1, 2, 3]])
    let product = left * right
    #expect(product.shape == [2, 3])
    #expect(product.scalars == [1, 2, 3, 2, 4, 6])
  }

  @Test func perChannelValuesBroadcastOverImages() {
    let images = Tensor(ones: [2, 2, 2, 3])
    let shifted = images - Tensor([0.5, 1, 2])
    #expect(shifted.shape == [2, 2, 2, 3])
    #expect(shifted[0, 1, 1, 2] == -1)
    #expect(shifted[1, 0, 0, 0] == 0.5)
  }
}
