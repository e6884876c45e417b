import Foundation

/// The short code an instructor writes on the board (`PANDA-42`), which every learner's connection
/// must give. It keeps a neighbouring workshop's laptops, and strangers guessing at random, out of
/// this class; it is not a password (the server also shuts out an address after
/// `ServerLimits.wrongCodesPerAddress` wrong codes).
public struct ClassCode: Equatable, Sendable, CustomStringConvertible {
  /// The code, in capitals: a word, a dash and a number.
  public let text: String

  /// Reads a code as a learner types it: `panda-42` is `PANDA-42`; nil for anything else.
  public init?(_ typed: String) {
    let upper = typed.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    let parts = upper.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, (2...12).contains(parts[0].count), (1...4).contains(parts[1].count),
      parts[0].unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }),
      parts[1].unicodeScalars.allSatisfy({ ("0"..."9").contains($0) })
    else { return nil }
    text = upper
  }

  /// A new code: one of 64 animals and a number from 100 to 999 (57,600 codes).
  public static func random<Generator: RandomNumberGenerator>(using generator: inout Generator) -> ClassCode {
    let word = animals[Int.random(in: 0..<animals.count, using: &generator)]
    // The words and numbers are all valid, so this cannot fail.
    return ClassCode("\(word)-\(Int.random(in: 100...999, using: &generator))")!
  }

  public var description: String { text }

  /// Short animal names, easy to read off a board and to type.
  static let animals = [
    "ANT", "BADGER", "BAT", "BEAR", "BEE", "BISON", "BOAR", "CAMEL", "CAT", "CRAB", "CROW", "DEER", "DINGO", "DOVE",
    "DUCK", "EAGLE", "EEL", "ELK", "EMU", "FALCON", "FINCH", "FOX", "FROG", "GECKO", "GOAT", "GOOSE", "HARE", "HAWK",
    "HERON", "HORSE", "IBIS", "KOALA", "LARK", "LEMUR", "LION", "LLAMA", "LYNX", "MOLE", "MOOSE", "MOTH", "NEWT",
    "OTTER", "OWL", "PANDA", "PUMA", "QUAIL", "RAVEN", "ROBIN", "SEAL", "SHARK", "SLOTH", "SNAIL", "SWAN", "TAPIR",
    "TIGER", "TOAD", "TROUT", "TUNA", "VOLE", "WASP", "WHALE", "WOLF", "WREN", "YAK",
  ]
}
