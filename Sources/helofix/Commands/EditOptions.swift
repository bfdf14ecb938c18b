import ArgumentParser

/// The options of every command that writes (each remedy under `apply`, and `rollback`).
struct EditOptions: ParsableArguments {
    @Flag(help: "Apply without asking.") var yes = false
    @Option(help: "Why (recorded in the history and audit log).") var reason: String = ""
    @Option(help: "Seconds to wait for a lock held by another live process.") var lockWait: Double = 30
}
