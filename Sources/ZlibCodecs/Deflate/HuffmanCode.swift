// Huffman codes for the DEFLATE encoder: optimal code lengths under a length limit (the
// package-merge algorithm of Larmore and Hirschberg, 1990), then the canonical codes those
// lengths stand for (RFC 1951, section 3.2.2). `Deflate+HuffmanReference.swift` keeps the plain
// Huffman construction, without a limit, that the tests compare against.

extension Deflate {
  /// A canonical prefix code over symbols 0..<n: each symbol's code length and its code, the
  /// code's bits already reversed so that `BitWriter` sends its most significant bit first.
  struct HuffmanCode: Equatable {
    /// The number of bits of each symbol's code; 0 for symbols that have no code.
    let lengths: [Int]
    /// Each symbol's code, bit-reversed within its length; 0 for symbols without a code.
    let reversedCodes: [UInt32]

    /// Creates the canonical code with these lengths: shorter codes come first, and codes of
    /// one length are numbered in symbol order.
    ///
    /// - Precondition: the lengths are 0...15 and do not oversubscribe the code space.
    init(lengths: [Int]) {
      let longest = lengths.max() ?? 0
      precondition(longest <= Deflate.maximumCodeLength, "DEFLATE codes are at most 15 bits, not \(longest)")
      var countOfLength = [Int](repeating: 0, count: longest + 1)
      for length in lengths where length > 0 {
        countOfLength[length] += 1
      }
      // The first code of each length: one past the last code of the length below, shifted left.
      var nextCode = [Int](repeating: 0, count: longest + 2)
      var code = 0
      for length in stride(from: 1, through: longest, by: 1) {
        code = (code + countOfLength[length - 1]) << 1
        nextCode[length] = code
      }
      var reversedCodes = [UInt32](repeating: 0, count: lengths.count)
      for symbol in lengths.indices where lengths[symbol] > 0 {
        let length = lengths[symbol]
        precondition(nextCode[length] < 1 << length, "Code lengths \(lengths) oversubscribe the code space")
        reversedCodes[symbol] = Self.reversed(UInt32(nextCode[length]), bitCount: length)
        nextCode[length] += 1
      }
      self.lengths = lengths
      self.reversedCodes = reversedCodes
    }

    /// Creates the optimal code for these symbol frequencies, with no code longer than `limit`.
    init(frequencies: [Int], limit: Int) {
      self.init(lengths: Deflate.codeLengths(for: frequencies, limit: limit))
    }

    /// The number of bits the symbols would take, `frequencies[s]` of each symbol `s`.
    func bitCount(for frequencies: [Int]) -> Int {
      var total = 0
      for symbol in frequencies.indices where frequencies[symbol] > 0 {
        total += frequencies[symbol] * lengths[symbol]
      }
      return total
    }

    /// The low `bitCount` bits of `code` in the opposite order.
    static func reversed(_ code: UInt32, bitCount: Int) -> UInt32 {
      var input = code
      var output: UInt32 = 0
      for _ in 0..<bitCount {
        output = output << 1 | input & 1
        input >>= 1
      }
      return output
    }
  }

  /// Returns code lengths that minimise `Σ frequencies[s] · length[s]` among prefix codes whose
  /// codes are at most `limit` bits, using package-merge.
  ///
  /// Package-merge, in short: start with one coin per used symbol, worth its frequency. `limit − 1`
  /// times, pair up the cheapest coins of the current list into packages and merge the packages
  /// back into a fresh copy of the single coins, sorted by worth. Of the final list, the
  /// `2·(n − 1)` cheapest items are spent; each symbol's code length is the number of spent items
  /// that contain one of its coins.
  ///
  /// Symbols with frequency 0 get no code. Like zlib, this always gives at least two symbols a
  /// code (adding symbols 0 or 1 if fewer are used), because decoders disagree about codes of a
  /// single symbol.
  ///
  /// - Complexity: O(n · limit) for n used symbols.
  static func codeLengths(for frequencies: [Int], limit: Int) -> [Int] {
    var lengths = [Int](repeating: 0, count: frequencies.count)
    var used = frequencies.indices.filter { frequencies[$0] > 0 }
    if used.count < 2 {
      precondition(frequencies.count >= 2, "A code needs an alphabet of at least two symbols")
      for symbol in [0, 1] where !used.contains(symbol) && used.count < 2 {
        used.append(symbol)
      }
      for symbol in used {
        lengths[symbol] = 1
      }
      return lengths
    }
    precondition(used.count <= 1 << limit, "\(used.count) symbols do not fit in codes of \(limit) bits")
    // Sorting by symbol too makes equal frequencies come out the same on every run.
    used.sort { (frequencies[$0], $0) < (frequencies[$1], $1) }

    // Every coin and package is a node; a package remembers the two items it was made of.
    var nodes: [PackageNode] = used.map { PackageNode(symbol: $0, first: -1, second: -1) }
    let coins = used.indices.map { PackageItem(worth: frequencies[used[$0]], node: $0) }
    var list = coins
    for _ in 1..<limit {
      var packages: [PackageItem] = []
      packages.reserveCapacity(list.count / 2)
      for pair in stride(from: 0, to: list.count - 1, by: 2) {
        nodes.append(PackageNode(symbol: -1, first: list[pair].node, second: list[pair + 1].node))
        packages.append(PackageItem(worth: list[pair].worth + list[pair + 1].worth, node: nodes.count - 1))
      }
      list = mergedByWorth(coins, packages)
    }

    var stack: [Int] = []
    for item in list.prefix(2 * (used.count - 1)) {
      stack.append(item.node)
      while let index = stack.popLast() {
        let node = nodes[index]
        if node.symbol >= 0 {
          lengths[node.symbol] += 1
        } else {
          stack.append(node.first)
          stack.append(node.second)
        }
      }
    }
    return lengths
  }

  /// A coin (one symbol) or a package of two earlier items, in package-merge.
  private struct PackageNode {
    /// The symbol of a coin, or −1 for a package.
    let symbol: Int
    /// The node index of a package's first part (−1 for a coin).
    let first: Int
    /// The node index of a package's second part (−1 for a coin).
    let second: Int
  }

  /// An entry of a package-merge list: its total frequency and the node it stands for.
  private struct PackageItem {
    /// The sum of the frequencies of the coins inside.
    let worth: Int
    /// The index of the node in the node list.
    let node: Int
  }

  /// Merges two lists sorted by worth into one; on a tie the coin comes first.
  private static func mergedByWorth(_ coins: [PackageItem], _ packages: [PackageItem]) -> [PackageItem] {
    var merged: [PackageItem] = []
    merged.reserveCapacity(coins.count + packages.count)
    var i = 0
    var j = 0
    while i < coins.count || j < packages.count {
      if j == packages.count || (i < coins.count && coins[i].worth <= packages[j].worth) {
        merged.append(coins[i])
        i += 1
      } else {
        merged.append(packages[j])
        j += 1
      }
    }
    return merged
  }
}
