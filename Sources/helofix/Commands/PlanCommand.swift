import ArgumentParser

/// `helofix plan KIND ARGS`: one subcommand per remedy in the catalog.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what a remedy would change, as a diff (writes nothing).",
        discussion: """
            The remedy names are the "kind" values of `helofix inspect --format json`. \
            Exit codes: 0 a plan was shown; 1 the remedy was refused (the reason is printed); 2 bad arguments or unreadable server.
            """,
        subcommands: RemedyWordsList.all.map { $0.planCommand })
}

extension RemedyWords {
    /// `helofix plan` with these words.
    static var planCommand: any ParsableCommand.Type { PlanRemedyCommand<Self>.self }
    /// `helofix apply` with these words.
    static var applyCommand: any ParsableCommand.Type { ApplyRemedyCommand<Self>.self }
}
