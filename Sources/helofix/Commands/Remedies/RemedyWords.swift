import ArgumentParser
import Remedy

/// The arguments of one remedy subcommand of `plan` and `apply`: its name and the request the
/// typed words make. One type per entry of the ``RemedyKind`` catalog, plus one per former word
/// kept (hidden) for one release.
protocol RemedyWords: ParsableArguments {
    /// The subcommand's name.
    static var commandName: String { get }
    /// The catalog entry it applies.
    static var kind: RemedyKind { get }
    /// A word of an earlier release: accepted, but not listed in `--help`.
    static var isFormerName: Bool { get }
    /// The request the words make.
    var request: RemedyRequest { get }
}

extension RemedyWords {
    static var commandName: String { kind.rawValue }
    static var isFormerName: Bool { false }
}
