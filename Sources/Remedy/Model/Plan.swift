/// The concrete change a remedy makes: file edits with their before and after content, platform
/// commands, and what the admin should do afterwards. Nothing is written while a plan exists;
/// only a ``TransactionExecutor`` applies it.
public struct Plan: Sendable, Codable {
    /// What was asked for (`nil` for a rollback plan).
    public var request: RemedyRequest?
    /// One line: what the plan does.
    public var title: String
    /// Why and what to expect, in a few sentences.
    public var explanation: String
    /// The risk the admin takes, when there is one (the whitelist's "infected sender floods the server").
    public var risk: String?
    /// Directories to create before the files are written (sorted, parents first).
    public var createDirectories: [DirectoryChange]
    /// File edits, creations and removals.
    public var files: [FileChange]
    /// Directories to remove once their files are gone (children first).
    public var removeDirectories: [DirectoryChange]
    /// Platform commands run after the files are written.
    public var commands: [PlatformCommand]
    /// What to do afterwards (regenerate caches, check a sender, restart nothing, …).
    public var followUps: [String]

    /// Creates a plan.
    public init(request: RemedyRequest?, title: String, explanation: String, risk: String? = nil,
                createDirectories: [DirectoryChange] = [], files: [FileChange] = [],
                removeDirectories: [DirectoryChange] = [], commands: [PlatformCommand] = [], followUps: [String] = []) {
        self.request = request
        self.title = title
        self.explanation = explanation
        self.risk = risk
        self.createDirectories = createDirectories
        self.files = files
        self.removeDirectories = removeDirectories
        self.commands = commands
        self.followUps = followUps
    }

    /// Whether the plan changes nothing at all.
    public var isEmpty: Bool { files.isEmpty && commands.isEmpty && createDirectories.isEmpty && removeDirectories.isEmpty }

    /// Unified diffs of every file change, then the directories and commands, as an admin reads them.
    public var diff: String {
        var out = ""
        for d in createDirectories { out += "mkdir \(d.path) (mode \(String(d.mode, radix: 8)))\n" }
        for f in files { out += UnifiedDiff.render(f) }
        for d in removeDirectories { out += "rmdir \(d.path)\n" }
        for c in commands { out += "run \(c.commandLine)\n" }
        return out
    }
}
