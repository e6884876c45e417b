// A packed, register-blocked matrix product in the GotoBLAS/BLIS shape, for every product the
// layers need (C = A·B, Aᵀ·B and A·Bᵀ differ only in the strides the operands are read with):
//
//   for each block of `depthBlock` terms of the sum:
//     pack that slice of B into panels 32 columns wide (16 for a narrow C; zero-padded)
//     for each block of rows of A (split over the cores):
//       for each sliver of 8 rows: read it in place if A is row-major, else pack it
//         for each 8×32 tile of C: sum 8×32 products per term in 16 SIMD registers, add to C
//
// Packing puts the transposes into copying, so the micro-kernel reads B as one contiguous
// stream and A as eight rows with fixed strides. Each element of C is summed in the same order however the rows are split over the
// cores, so results are identical run to run and with any number of threads.
// `referenceMatrixMultiply` (MatrixMultiply.swift) is the plain definition the tests compare with.

/// One operand of a product: element (row, column) is at `base[row · rowStride + column · columnStride]`,
/// so a row-major matrix has strides (columns, 1) and its transpose (1, columns). Workers of one
/// product only read operands, so sharing them between threads is safe.
struct MatrixOperand: @unchecked Sendable {
  /// The first element.
  let base: UnsafePointer<Float>
  /// The distance between rows.
  let rowStride: Int
  /// The distance between columns.
  let columnStride: Int

  /// The element at `row`, `column`.
  @inline(__always) subscript(row: Int, column: Int) -> Float {
    base[row &* rowStride &+ column &* columnStride]
  }
}

/// The packed product and its blocking sizes.
enum PackedMatrixMultiply {
  /// Rows of C one micro-kernel call computes.
  static let tileRows = 8
  /// Columns of C one micro-kernel call computes: two 16-float vectors, or one when C has at
  /// most 16 columns (a layer of 16 filters would otherwise waste half of every tile).
  static let tileColumns = 32
  /// The narrow tile's width.
  static let narrowTileColumns = 16
  /// Terms of the sum packed at a time: a packed B panel of 256 × 32 floats is 32 KiB.
  static let depthBlock = 256
  /// Rows of A packed at a time per thread, at most.
  static let rowBlock = 128
  /// Below this many multiply-adds a product runs on one core: splitting costs more than it saves.
  static let parallelThreshold = 1 << 21

  /// C[m×n] = A[m×k]·B[k×n] (or C += A·B when `accumulate`), C row-major with row stride `ldc`.
  /// With a `bias` of n values, bias[j] is added to every row's column j: it is where the sums
  /// start, so a layer's bias costs no pass of its own over C.
  static func multiply(
    m: Int, n: Int, k: Int, _ a: MatrixOperand, _ b: MatrixOperand, into c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool, bias: UnsafePointer<Float>? = nil, threads: Int = ComputeThreads.count
  ) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
      // A sum of no terms: only the bias, if any.
      for row in 0..<m {
        let output = c + row &* ldc
        for column in 0..<n { output[column] = (accumulate ? output[column] : 0) + (bias?[column] ?? 0) }
      }
      return
    }
    let isLarge = m &* n &* k >= parallelThreshold
    let panelWidth = n <= narrowTileColumns ? narrowTileColumns : tileColumns
    let panels = (n + panelWidth - 1) / panelWidth
    // The bias, zero-padded to whole panels so that tiles load it as whole vectors.
    ScratchBuffers.shared.withFloats(bias == nil ? 0 : panels * panelWidth) { padded in
      let startingSums = bias.map { bias in
        padded.update(from: bias, count: n)
        (padded + n).update(repeating: 0, count: panels * panelWidth - n)
        return UnsafePointer(padded)
      }
      // Blocks of whole tiles, small enough that every thread gets a fair share of a short A
      // (a weight gradient has as many rows as a window has values: 27 to a few hundred).
      let tilesPerBlock = isLarge ? max(1, min(rowBlock / tileRows, (m + tileRows - 1) / tileRows / (4 * threads))) : 16
      let blockRows = tilesPerBlock * tileRows
      let rowBlocks = (m + blockRows - 1) / blockRows
      // A row-major B whose rows are whole panels is read in place (a dense layer's weights
      // with 32 or 64 units): packing it would copy all of it, once per thread.
      let readsBInPlace = b.columnStride == 1 && n % panelWidth == 0
      // Each thread walks all the term blocks for its own rows and packs B itself: one hand-over
      // to the threads per product, instead of one per term block (a weight gradient has hundreds).
      ComputeThreads.forEachShare(of: rowBlocks, workPerItem: blockRows * n * k, threads: isLarge ? threads : 1) {
        blocks in
        let scratch = ScratchBuffers.shared
        scratch.withFloats(readsBInPlace ? 0 : panels * panelWidth * min(k, depthBlock)) { packedB in
          scratch.withFloats(blockRows * min(k, depthBlock)) { packedA in
            for depthStart in stride(from: 0, to: k, by: depthBlock) {
              let terms = depthStart..<min(depthStart + depthBlock, k)
              let panels: TilePanels
              if readsBInPlace {
                panels = TilePanels(base: b.base + depthStart * b.rowStride, panelStride: 1, termStride: b.rowStride)
              } else {
                packB(b, rows: terms, columns: n, panelWidth: panelWidth, into: packedB)
                panels = TilePanels(base: packedB, panelStride: terms.count, termStride: panelWidth)
              }
              multiplyRows(
                blocks: blocks, blockRows: blockRows, m: m, n: n, terms: terms, a, packedA: packedA, panels: panels,
                panelWidth: panelWidth, into: c, ldc: ldc, adds: accumulate || depthStart > 0,
                startingSums: depthStart == 0 ? startingSums : nil)
            }
          }
        }
      }
    }
  }

  /// Where the B panels of a term block are: column j of term t at
  /// `base[j · panelStride + t · termStride]` for j within a panel (packed panels lie one after the
  /// other, `panelStride` = depth, `termStride` = the panel's width; B read in place has strides
  /// 1 and its row length).
  private struct TilePanels {
    let base: UnsafePointer<Float>
    let panelStride: Int
    let termStride: Int
  }

  /// One thread's share of a term block: rows `blocks` (of `blockRows` rows each) of C gain the
  /// products of A's columns `terms` with the B panels; `packedA` has room for a block's rows of
  /// those terms.
  private static func multiplyRows(
    blocks: Range<Int>, blockRows: Int, m: Int, n: Int, terms: Range<Int>, _ a: MatrixOperand,
    packedA: UnsafeMutablePointer<Float>, panels: TilePanels, panelWidth: Int,
    into c: UnsafeMutablePointer<Float>, ldc: Int, adds: Bool,
    startingSums: UnsafePointer<Float>?
  ) {
    let depth = terms.count
    // A row-major A is read in place, eight rows at a time; only a last sliver of fewer than
    // eight rows, or a transposed A, is packed.
    let readsInPlace = a.columnStride == 1
    for block in blocks {
      let rows = (block * blockRows)..<min((block + 1) * blockRows, m)
      if !readsInPlace { packA(a, rows: rows, terms: terms, into: packedA) }
      for tileStart in stride(from: 0, to: rows.count, by: tileRows) {
        let tileHeight = min(tileRows, rows.count - tileStart)
        let firstRow = rows.lowerBound + tileStart
        let sliver: TileRows
        if readsInPlace && tileHeight == tileRows {
          sliver = TileRows(
            base: a.base + firstRow * a.rowStride + terms.lowerBound, rowStride: a.rowStride, termStride: 1)
        } else if readsInPlace {
          packA(a, rows: firstRow..<(firstRow + tileHeight), terms: terms, into: packedA)
          sliver = TileRows(base: packedA, rowStride: 1, termStride: tileRows)
        } else {
          sliver = TileRows(base: packedA + tileStart * depth, rowStride: 1, termStride: tileRows)
        }
        for column in stride(from: 0, to: n, by: panelWidth) {
          let output = c + firstRow * ldc + column
          let panel = panels.base + column * panels.panelStride
          let start = startingSums.map { $0 + column }
          if panelWidth == narrowTileColumns {
            multiplyNarrowTile(
              depth: depth, sliver, panel, bStride: panels.termStride, into: output, ldc: ldc, rows: tileHeight,
              columns: n - column, adds: adds, startingAt: start)
          } else {
            multiplyTile(
              depth: depth, sliver, panel, bStride: panels.termStride, into: output, ldc: ldc, rows: tileHeight,
              columns: min(tileColumns, n - column), adds: adds, startingAt: start)
          }
        }
      }
    }
  }

  /// Copies rows `rows` of B's columns 0..<`columns` into panels `panelWidth` wide, term by term:
  /// panel p holds `packed[p · panelWidth · depth + term · panelWidth + j]`, zero past `columns`.
  static func packB(
    _ b: MatrixOperand, rows: Range<Int>, columns: Int, panelWidth: Int, into packed: UnsafeMutablePointer<Float>
  ) {
    var output = packed
    for panelStart in stride(from: 0, to: columns, by: panelWidth) {
      let width = min(panelWidth, columns - panelStart)
      for term in rows {
        for j in 0..<width { output[j] = b[term, panelStart &+ j] }
        for j in width..<panelWidth { output[j] = 0 }
        output += panelWidth
      }
    }
  }

  /// Copies rows `rows` of A's columns `terms` into slivers of `tileRows`, term by term: the
  /// sliver starting at row r holds `packed[r · depth + term · tileRows + i]`, zero past the last row.
  static func packA(_ a: MatrixOperand, rows: Range<Int>, terms: Range<Int>, into packed: UnsafeMutablePointer<Float>) {
    var output = packed
    for sliverStart in stride(from: rows.lowerBound, to: rows.upperBound, by: tileRows) {
      let height = min(tileRows, rows.upperBound - sliverStart)
      if height == tileRows && a.rowStride == 1 {
        // A transposed A (a weight gradient's unfolded input): the eight rows of a term are
        // eight neighbouring floats, copied as one vector.
        for term in terms {
          let values = UnsafeRawPointer(a.base + (sliverStart &+ term &* a.columnStride))
          UnsafeMutableRawPointer(output).storeBytes(
            of: values.loadUnaligned(as: SIMD8<Float>.self), as: SIMD8<Float>.self)
          output += tileRows
        }
        continue
      }
      for term in terms {
        for i in 0..<height { output[i] = a[sliverStart &+ i, term] }
        for i in height..<tileRows { output[i] = 0 }
        output += tileRows
      }
    }
  }
}
