import ArgumentParser
import Remedy

/// `set-greeting KEY NAME`, now `edit-greeting KEY NAME`.
struct SetGreetingWords: RemedyWords {
    static let kind = RemedyKind.editGreeting
    static let commandName = "set-greeting"
    static let isFormerName = true
    @Argument(help: ArgumentHelp("A sender domain, a sending IP or '*'.", valueName: "DOMAIN|IP|*")) var key: String
    @Argument(help: "The greeting name.") var name: String
    var request: RemedyRequest { .setGreeting(key: key, name: name) }
}
