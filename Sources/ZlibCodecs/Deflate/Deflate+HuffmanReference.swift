extension Deflate {
  /// Returns optimal code lengths with no limit on their length, by Huffman's own method: merge
  /// the two lightest trees until one is left; a symbol's code length is its depth in that tree.
  ///
  /// The reference that `codeLengths(for:limit:)` is tested against: whenever this gives no code
  /// longer than the limit, package-merge must reach the same total cost. It is quadratic in the
  /// number of symbols, which is fine for tests, and not used by the encoder.
  static func referenceHuffmanCodeLengths(for frequencies: [Int]) -> [Int] {
    var lengths = [Int](repeating: 0, count: frequencies.count)
    // Each tree: its weight and the symbols at its leaves.
    var trees: [(weight: Int, symbols: [Int])] = frequencies.indices.compactMap {
      frequencies[$0] > 0 ? (frequencies[$0], [$0]) : nil
    }
    if trees.count == 1 {
      lengths[trees[0].symbols[0]] = 1
    }
    while trees.count > 1 {
      let lightest = trees.indices.min { trees[$0].weight < trees[$1].weight }!
      let first = trees.remove(at: lightest)
      let secondIndex = trees.indices.min { trees[$0].weight < trees[$1].weight }!
      let second = trees.remove(at: secondIndex)
      // Every leaf of the two merged trees moves one level further from the root.
      for symbol in first.symbols + second.symbols {
        lengths[symbol] += 1
      }
      trees.append((first.weight + second.weight, first.symbols + second.symbols))
    }
    return lengths
  }
}
