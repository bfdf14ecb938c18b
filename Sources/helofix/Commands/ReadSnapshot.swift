import ArgumentParser
import MailServer

/// Reads the snapshot or exits with the reader's message.
func readSnapshot(_ root: ServerRoot) throws -> ServerSnapshot {
    do {
        return try SnapshotReader(root: root).read()
    } catch {
        throw fail(error.description)
    }
}
