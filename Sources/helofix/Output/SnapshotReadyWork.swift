import MailServer
import Synchronization

/// Work on the server's snapshot that `inspect` starts on another thread as soon as the snapshot is
/// read, while the log scan and the rules still run: the part of its report that needs nothing
/// else (the start of the JSON document without DNS). ``finish()`` waits for
/// the result, so what is printed, and its order, is the same as when it is made afterwards.
final class SnapshotReadyWork<Value: Sendable>: Sendable {
    private let work: @Sendable (ServerSnapshot) -> Value
    private let task = Mutex<SideTask<Value>?>(nil)

    /// Work to do once the snapshot is read.
    init(_ work: @escaping @Sendable (ServerSnapshot) -> Value) {
        self.work = work
    }

    /// Starts the work on `snapshot` (once; later calls do nothing).
    func start(_ snapshot: ServerSnapshot) {
        task.withLock { task in
            guard task == nil else { return }
            task = SideTask { [work] in work(snapshot) }
        }
    }

    /// Waits for the work and returns its result; `nil` when it was never started.
    func finish() -> Value? {
        task.withLock { $0 }?.value()
    }
}
