import ArgumentParser
import Remedy

/// `rename-hostname NAME`.
struct RenameHostnameWords: RemedyWords {
    static let kind = RemedyKind.renameHostname
    @Argument(help: "The new fully qualified hostname.") var name: String
    var request: RemedyRequest { Self.kind.request(name) }
}
