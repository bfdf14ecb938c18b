import Console
import Foundation
import MailServer
import ServerFixtures
import Synchronization
import Testing
import TestSupport
@testable import ConsoleRuntime

/// Collects events from background threads; tests poll it.
final class EventLog: Sendable {
    private let events = Mutex<[LogEvent]>([])

    func append(_ event: LogEvent) {
        events.withLock { $0.append(event) }
    }

    func snapshot() -> [LogEvent] {
        events.withLock { $0 }
    }

    func waitFor(timeout: TimeInterval = 5, _ condition: ([LogEvent]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition(snapshot()) {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return true
    }
}
