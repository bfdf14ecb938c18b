import ArgumentParser
import Foundation
import Remedy

/// `helofix recover`: rolls back an interrupted transaction now (every edit command does this first).
struct RecoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Roll back any interrupted transaction and remove a killed run's stale locks and orphan backups (apply and rollback do this first anyway).")

    @OptionGroup var rootOptions: RootOptions

    func run() async throws {
        let root = rootOptions.serverRoot
        let pending = TransactionHistory(root: root).interrupted()
        let done = try EditSession(root: root, lockWait: 30).recover()
        if pending.isEmpty && done == 0 { FileHandle.standardOutput.write(Data("No interrupted transaction; nothing to do.\n".utf8)) }
    }
}
