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

/// One file's change: its content before (`nil` = absent) and after (`nil` = removed).
public struct FileChange: Sendable, Codable, Hashable {
    /// Server path (`/etc/localdomains`).
    public var path: String
    /// The content read when the plan was made.
    public var before: [UInt8]?
    /// The content to install.
    public var after: [UInt8]?
    /// The file's identity when the plan was made; the executor refuses if it changed since.
    public var expected: FileIdentity?
    /// Permission bits for a file that does not exist yet.
    public var newFileMode: UInt32
    /// Group name for a file that does not exist yet (`mail` on cPanel), `nil` for root's group.
    public var newFileGroup: String?
    /// Exact owner, group, mode and xattrs to install (a rollback restores the recorded ones);
    /// `nil` keeps the current file's, or uses `newFileMode`/`newFileGroup` for a new file.
    public var metadata: FileMetadata?

    /// Creates a change.
    public init(path: String, before: [UInt8]?, after: [UInt8]?, expected: FileIdentity?,
                newFileMode: UInt32 = 0o644, newFileGroup: String? = nil, metadata: FileMetadata? = nil) {
        self.path = path
        self.before = before
        self.after = after
        self.expected = expected
        self.newFileMode = newFileMode
        self.newFileGroup = newFileGroup
        self.metadata = metadata
    }
}

/// A directory a plan creates or removes, with the owner and mode to give it back.
public struct DirectoryChange: Sendable, Codable, Hashable {
    /// Server path.
    public var path: String
    /// Permission bits.
    public var mode: UInt32
    /// Owner and group ids (kept so a rollback recreates the directory as it was).
    public var uid: UInt32
    public var gid: UInt32

    /// Creates a directory change.
    public init(path: String, mode: UInt32, uid: UInt32 = 0, gid: UInt32 = 0) {
        self.path = path
        self.mode = mode
        self.uid = uid
        self.gid = gid
    }
}

/// A platform program run as part of a plan, looked up inside the server root.
public struct PlatformCommand: Sendable, Codable, Hashable {
    /// Server path of the program (`/usr/local/cpanel/bin/set_hostname`).
    public var program: String
    /// Its arguments.
    public var arguments: [String]
    /// Why it runs (shown in the plan).
    public var why: String
    /// The command that undoes it, run on rollback after the files are restored (`nil` = nothing to undo).
    public var undo: [PlatformCommandStep]
    /// Files the program is known to rewrite; helofix backs them up before it runs, so their old
    /// content is in the backup store even though the platform, not helofix, writes them.
    public var touches: [String]

    /// Creates a command.
    public init(program: String, arguments: [String], why: String, undo: [PlatformCommandStep] = [], touches: [String] = []) {
        self.program = program
        self.arguments = arguments
        self.why = why
        self.undo = undo
        self.touches = touches
    }

    /// The command as it would be typed.
    public var commandLine: String { ([program] + arguments).joined(separator: " ") }

    /// The command without its undo.
    public var step: PlatformCommandStep { PlatformCommandStep(program: program, arguments: arguments) }
}

/// A program and its arguments (used for undo steps).
public struct PlatformCommandStep: Sendable, Codable, Hashable {
    /// Server path of the program, and its arguments.
    public var program: String
    public var arguments: [String]

    /// Creates a step.
    public init(program: String, arguments: [String]) {
        self.program = program
        self.arguments = arguments
    }

    /// The step as a command (for running and for rollback plans).
    public func command(why: String) -> PlatformCommand { PlatformCommand(program: program, arguments: arguments, why: why) }
}
