import ArgumentParser

/// `helofix apply KIND ARGS`: one subcommand per remedy in the catalog.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a remedy as one journaled, backed-up, audited transaction.",
        discussion: """
            The remedy names are the "kind" values of `helofix inspect --format json`. \
            Shows the diff first and asks on a terminal; without a terminal --yes is required. \
            An interrupted earlier transaction is rolled back first. Exit codes: 0 applied; 1 refused or failed \
            (nothing changed); 2 bad arguments or unreadable server.
            """,
        subcommands: RemedyWordsList.all.map { $0.applyCommand })
}
