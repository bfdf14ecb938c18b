import ArgumentParser
import Remedy

/// `edit-greeting KEY [NAME]`.
struct EditGreetingWords: RemedyWords {
    static let kind = RemedyKind.editGreeting
    @Argument(help: ArgumentHelp("A sender domain (cPanel), a sending IP (DirectAdmin) or '*' for the default.", valueName: "DOMAIN|IP|*"))
    var key: String
    @Argument(help: "The greeting name; leave it out to remove the greeting.") var name: String?
    var request: RemedyRequest { Self.kind.request(key, name: name) }
}
