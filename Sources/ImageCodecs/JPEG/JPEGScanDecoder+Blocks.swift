// Decoding one block in each kind of scan (T.81, F.2.2 for sequential scans, G.1.2 for
// progressive ones). Coefficients are stored quantised, in natural order; a progressive scan
// stores them shifted left by its bit position Al.

extension JPEGScanDecoder {
  /// Decodes a whole block of a sequential scan: the DC difference, then run/size-coded AC
  /// coefficients up to an end-of-block code.
  @inline(__always)
  mutating func decodeSequentialBlock(
    _ block: UnsafeMutablePointer<Int16>, member: Int, _ reader: inout JPEGBitReader
  ) throws(ImageProblem) {
    let ac = acTables[member]  // fetched once per block, not per coefficient
    let size = try reader.decodeSymbol(with: dcTables[member])
    guard size <= 15 else { throw Self.badSize(size, "DC difference") }
    predictors[member] &+= reader.readSignedValue(size)
    block[0] = Int16(truncatingIfNeeded: predictors[member])
    var k = 1
    while k < 64 {
      if let (run, value) = reader.decodeFastAC(with: ac) {
        k += run
        guard k < 64 else { throw Self.pastEndOfBlock }
        block[zigzag[k]] = Int16(truncatingIfNeeded: value)
        k += 1
        continue
      }
      let symbol = try reader.decodeSymbol(with: ac)
      let run = symbol >> 4
      let size = symbol & 15
      if size == 0 {
        guard run == 15 else { break }
        k += 16
        continue
      }
      k += run
      guard k < 64 else { throw Self.pastEndOfBlock }
      block[zigzag[k]] = Int16(truncatingIfNeeded: reader.readSignedValue(size))
      k += 1
    }
  }

  /// Decodes the DC coefficient of a first progressive DC scan.
  @inline(__always)
  mutating func decodeFirstDC(_ block: UnsafeMutablePointer<Int16>, member: Int, _ reader: inout JPEGBitReader)
    throws(ImageProblem)
  {
    let size = try reader.decodeSymbol(with: dcTables[member])
    guard size <= 15 else { throw Self.badSize(size, "DC difference") }
    predictors[member] &+= reader.readSignedValue(size)
    block[0] = Int16(truncatingIfNeeded: predictors[member] << scan.bitPosition)
  }

  /// Adds one bit, at position Al, to the DC coefficient.
  @inline(__always)
  func refineDC(_ block: UnsafeMutablePointer<Int16>, _ reader: inout JPEGBitReader) {
    if reader.readBit() != 0 {
      block[0] |= Int16(truncatingIfNeeded: 1 << scan.bitPosition)
    }
  }

  /// Decodes coefficients Ss…Se of a first progressive AC scan, or counts the block off an
  /// end-of-band run (EOBRUN, G.1.2.2).
  @inline(__always)
  mutating func decodeFirstAC(_ block: UnsafeMutablePointer<Int16>, _ reader: inout JPEGBitReader)
    throws(ImageProblem)
  {
    if endOfBandRun > 0 {
      endOfBandRun -= 1
      return
    }
    let ac = acTables[0]
    var k = scan.spectralStart
    while k <= scan.spectralEnd {
      let symbol = try reader.decodeSymbol(with: ac)
      let run = symbol >> 4
      let size = symbol & 15
      if size == 0 {
        if run < 15 {
          endOfBandRun = (1 << run) + reader.readBits(run) - 1
          return
        }
        k += 16
        continue
      }
      k += run
      guard k < 64 else { throw Self.pastEndOfBlock }
      block[zigzag[k]] = Int16(truncatingIfNeeded: reader.readSignedValue(size) << scan.bitPosition)
      k += 1
    }
  }

  /// Refines coefficients Ss…Se by one bit (G.1.2.3): every coefficient already nonzero gets a
  /// correction bit, and a coded ±1 lands on the zero coefficient after `run` other zeros.
  @inline(__always)
  mutating func refineAC(_ block: UnsafeMutablePointer<Int16>, _ reader: inout JPEGBitReader)
    throws(ImageProblem)
  {
    let plusOne = Int16(truncatingIfNeeded: 1 << scan.bitPosition)
    let minusOne = Int16(truncatingIfNeeded: -1 << scan.bitPosition)
    var k = scan.spectralStart
    let end = scan.spectralEnd
    if endOfBandRun == 0 {
      let ac = acTables[0]
      while k <= end {
        let symbol = try reader.decodeSymbol(with: ac)
        var run = symbol >> 4
        let size = symbol & 15
        var newValue: Int16 = 0
        if size != 0 {
          guard size == 1 else { throw Self.badSize(size, "refinement of an AC coefficient") }
          newValue = reader.readBit() != 0 ? plusOne : minusOne
        } else if run != 15 {
          endOfBandRun = (1 << run) + reader.readBits(run)
          break
        }
        while k <= end {
          let position = zigzag[k]
          if block[position] != 0 {
            refine(block + position, plusOne: plusOne, minusOne: minusOne, &reader)
          } else {
            if run == 0 { break }
            run -= 1
          }
          k += 1
        }
        if newValue != 0 && k <= end {
          block[zigzag[k]] = newValue
        }
        k += 1
      }
    }
    if endOfBandRun > 0 {
      while k <= end {
        let position = zigzag[k]
        if block[position] != 0 {
          refine(block + position, plusOne: plusOne, minusOne: minusOne, &reader)
        }
        k += 1
      }
      endOfBandRun -= 1
    }
  }

  /// Reads the correction bit of a nonzero coefficient and, if set, moves the coefficient one
  /// step (`plusOne` = 2^Al) further from zero, unless that bit is already set.
  @inline(__always)
  private func refine(
    _ coefficient: UnsafeMutablePointer<Int16>, plusOne: Int16, minusOne: Int16, _ reader: inout JPEGBitReader
  ) {
    if reader.readBit() != 0 && coefficient.pointee & plusOne == 0 {
      coefficient.pointee &+= coefficient.pointee >= 0 ? plusOne : minusOne
    }
  }

  /// The problem of a run/size code that places a coefficient beyond the 64th.
  static var pastEndOfBlock: ImageProblem {
    .corruptCompressedData("a run of zero coefficients goes past the end of an 8×8 block")
  }

  /// The problem of a Huffman symbol that codes an impossible number of bits.
  static func badSize(_ size: Int, _ what: String) -> ImageProblem {
    .corruptCompressedData("a \(what) is coded with \(size) bits, more than any valid JPEG uses")
  }
}
