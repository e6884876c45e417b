import ClassMode
import Foundation

/// A learner's link to the class they joined: the walk and the exercise commands tell it what
/// happens (`send`), it adds the event to the workspace's outbox and wakes the sender, whose
/// thread does the rest. Nothing here waits for the network, and nothing here fails the walk.
///
/// One link per workspace per process, opened when first asked for (`forWorkspace`), and only
/// when the learner has joined a class. Each time it is asked for, the class file is looked at
/// again: a `join` or a `leave` in another terminal takes effect in a walk already running.
public final class ClassLink: @unchecked Sendable {
  /// The class joined.
  public let membership: ClassMembership
  let outbox: ClassOutbox
  let sender: ClassSender

  init(membership: ClassMembership, workspace: String) {
    self.membership = membership
    self.outbox = ClassOutbox(workspace: workspace)
    self.sender = ClassSender(host: membership.host, port: membership.port, hello: membership.hello, outbox: outbox)
    sender.start()
    // Events an earlier `lesson` left waiting go now.
    sender.eventsWaiting()
  }

  /// Sends `event` to the instructor, in the background.
  public func send(_ event: ProgressEvent) {
    outbox.add(event.fittingTheProtocol())
    sender.eventsWaiting()
  }

  // MARK: - One link per workspace

  /// A workspace's link, with what its class file was like when the link was opened.
  private struct Opened {
    let file: FileSignature
    let link: ClassLink?
  }

  /// What identifies a version of the class file: nil when there is none.
  private typealias FileSignature = [String]?

  nonisolated(unsafe) private static var links: [String: Opened] = [:]
  private static let linksLock = NSLock()

  /// The link of `workspace`, opened on first use and again whenever its class file changed; nil
  /// when its learner has not joined a class.
  public static func forWorkspace(_ workspace: String) -> ClassLink? {
    let file = signature(of: (workspace as NSString).appendingPathComponent(ClassMembership.fileName))
    let (link, replaced) = linksLock.withLock { () -> (ClassLink?, ClassLink?) in
      if let opened = links[workspace], opened.file == file { return (opened.link, nil) }
      let link = ClassMembership.kept(in: workspace).map { ClassLink(membership: $0, workspace: workspace) }
      let replaced = links[workspace]?.link
      links[workspace] = Opened(file: file, link: link)
      return (link, replaced)
    }
    replaced?.sender.finish(within: 0)
    return link
  }

  private static func signature(of path: String) -> FileSignature {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
    return [FileAttributeKey.modificationDate, .size, .systemFileNumber].map { "\(attributes[$0] ?? "")" }
  }

  /// Gives the link of `workspace`, if open, at most `seconds` to send what waits, then stops it;
  /// the next one asked for is opened anew, as by the next `lesson`. (Tests finish their own
  /// workspace's link, leaving the other tests' alone.)
  static func finish(_ workspace: String, within seconds: Double) {
    let opened = linksLock.withLock { links.removeValue(forKey: workspace) }
    opened?.link?.sender.finish(within: seconds)
  }

  /// Gives every open link at most `seconds` in all to send what waits, then stops them: for a
  /// `lesson` command about to end. Returns at once where the server is not answering.
  public static func finishAll(within seconds: Double) {
    let open = linksLock.withLock { () -> [ClassLink] in
      defer { links.removeAll() }
      return links.values.compactMap(\.link)
    }
    let deadline = Date(timeIntervalSinceNow: seconds)
    for link in open { link.sender.finish(within: max(deadline.timeIntervalSinceNow, 0)) }
  }
}
