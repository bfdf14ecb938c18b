import ArgumentParser

/// The options of every command that writes (each remedy under `apply`, and `rollback`).
struct EditOptions: ParsableArguments {
    @Flag(help: "Apply without asking.") var yes = false
    @Option(help: "Why (required by apply; recorded in the history and audit log).") var reason: String = ""
    @Option(help: "Seconds to wait for a lock held by another live process (0 to 3600).") var lockWait: Double = 30

    func validate() throws {
        try EditSession.validate(lockWait: lockWait, reason: reason)
    }
}
