/// This machine's place on the network, for the address the instructor writes on the board.
public enum ClassNetwork {
  /// This machine's IPv4 addresses on the networks it is connected to (not the loopback).
  public static func addresses() -> [String] {
    TCPSockets.networkAddresses()
  }
}
