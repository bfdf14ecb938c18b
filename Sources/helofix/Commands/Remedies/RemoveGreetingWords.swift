import ArgumentParser
import Remedy

/// `remove-greeting KEY`, now `edit-greeting KEY`.
struct RemoveGreetingWords: RemedyWords {
    static let kind = RemedyKind.editGreeting
    static let commandName = "remove-greeting"
    static let isFormerName = true
    @Argument(help: ArgumentHelp("A sender domain, a sending IP or '*'.", valueName: "DOMAIN|IP|*")) var key: String
    var request: RemedyRequest { .removeGreeting(key: key) }
}
