import CNN

/// Returns the sum of every value of `tensor`.
func total(of tensor: Tensor) -> Float {
  // Tensor's own sum() adds the values in Double, so long sums stay accurate.
  return tensor.sum()
}
