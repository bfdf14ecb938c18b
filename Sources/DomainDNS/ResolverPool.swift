import Foundation
import Synchronization

/// Asks batches of questions with at most `maxInFlight` in flight, each on a worker thread with its
/// own resolver state, and remembers every answer for the run (a question is sent once).
///
/// A resolver that never answers must not hold a run up for long: once questions have timed out
/// and nothing was ever answered, the remaining questions are not sent and come back as
/// ``DNSFailure/resolverSilent``.
public final class ResolverPool: Sendable {
    /// The settings the workers use.
    public let settings: ResolverSettings

    private struct State {
        var cache: [DNSQuestion: DNSAnswer] = [:]
        var inFlight = 0
        var maxInFlight = 0
        var sent = 0
        var answeredAny = false
        var timedOut = 0
    }

    private let state = Mutex(State())

    /// Creates a pool; no thread runs until ``resolve(_:)``.
    public init(settings: ResolverSettings) {
        self.settings = settings
    }

    /// What the pool did so far.
    public struct Statistics: Sendable, Hashable {
        /// Questions sent to the server.
        public var sent: Int
        /// The most questions that were in flight at once.
        public var maxInFlight: Int
        /// Whether the server answered anything (a record, NXDOMAIN or a failure code).
        public var answeredAny: Bool
        /// Questions that got no reply.
        public var timedOut: Int
    }

    /// Counts so far.
    public var statistics: Statistics {
        state.withLock { Statistics(sent: $0.sent, maxInFlight: $0.maxInFlight, answeredAny: $0.answeredAny, timedOut: $0.timedOut) }
    }

    /// Whether the server has been silent: questions timed out and none was ever answered.
    public var resolverSilent: Bool { state.withLock { !$0.answeredAny && $0.timedOut > 0 } }

    /// The answers to `questions` (from the cache when asked before), waiting for all of them.
    /// Once `stop` returns true no further question is sent (they come back ``DNSFailure/cancelled``).
    public func resolve(_ questions: [DNSQuestion], stop: (@Sendable () -> Bool)? = nil) -> [DNSQuestion: DNSAnswer] {
        var seen = Set<DNSQuestion>()
        let todo: [DNSQuestion] = state.withLock { s in
            questions.filter { s.cache[$0] == nil && seen.insert($0).inserted }
        }
        var cancelled: [DNSQuestion: DNSAnswer] = [:]
        if !todo.isEmpty { cancelled = ask(todo, stop: stop) }
        return state.withLock { s in
            var out: [DNSQuestion: DNSAnswer] = [:]
            for q in questions { out[q] = s.cache[q] ?? cancelled[q] ?? .failed(.resolverSilent) }
            return out
        }
    }

    /// Runs `todo` on min(maxInFlight, count) worker threads that take the next question in turn.
    private func ask(_ todo: [DNSQuestion], stop: (@Sendable () -> Bool)?) -> [DNSQuestion: DNSAnswer] {
        let next = Mutex(0)
        let skipped = Mutex([DNSQuestion: DNSAnswer]())
        let workers = min(settings.maxInFlight, todo.count)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            let thread = Thread { [self] in
                let resolver = StubResolver(settings)
                while true {
                    let i = next.withLock { n -> Int in
                        defer { n += 1 }
                        return n
                    }
                    guard i < todo.count else { break }
                    if stop?() == true {
                        skipped.withLock { $0[todo[i]] = .failed(.cancelled) }
                        continue
                    }
                    answer(todo[i], with: resolver)
                }
                done.signal()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        for _ in 0..<workers { done.wait() }
        return skipped.withLock { $0 }
    }

    private func answer(_ question: DNSQuestion, with resolver: StubResolver) {
        let skip = state.withLock { s -> Bool in
            if !s.answeredAny && s.timedOut > 0 { return true }
            s.inFlight += 1
            s.sent += 1
            s.maxInFlight = max(s.maxInFlight, s.inFlight)
            return false
        }
        let answer = skip ? DNSAnswer.failed(.resolverSilent) : resolver.ask(question)
        state.withLock { s in
            s.cache[question] = answer
            guard !skip else { return }
            s.inFlight -= 1
            switch answer {
            case .failed(.timeout): s.timedOut += 1
            case .failed(.unavailable): break
            default: s.answeredAny = true
            }
        }
    }
}
