/// A problem found while reading a file: something Exim reads differently from what an admin expects,
/// or something helofix could not read. Never fatal: the rest of the snapshot is still read.
public struct Diagnostic: Codable, Sendable, Hashable {
    /// What kind of problem.
    public enum Problem: String, Codable, Sendable, CaseIterable {
        /// The line starts with white space: Exim reads it as a continuation, never as a key.
        case invisibleEntry = "invisible-entry"
        /// An IPv6 key without double quotes in an `iplsearch` file: Exim silently skips it.
        case unquotedIPv6 = "unquoted-ipv6"
        /// An address, range or host name that cannot be parsed.
        case invalidEntry = "invalid-entry"
        /// An address line of a plain host list after an item that is not an address: Exim looks
        /// the sender's name up at that item, and without reverse DNS the list ends there.
        case afterNameItem = "after-name-item"
        /// The same key twice: Exim uses the first one only.
        case duplicateKey = "duplicate-key"
        /// Windows line ends (CR LF).
        case crlfLineEnding = "crlf-line-ending"
        /// The last line has no newline.
        case missingFinalNewline = "missing-final-newline"
        /// Bytes that are not UTF-8.
        case nonUTF8 = "non-utf8"
        /// NUL or other control bytes: the file looks binary.
        case binaryContent = "binary-content"
        /// A line longer than Exim's lookup buffer.
        case hugeLine = "huge-line"
        /// A double-quoted key without its closing quote.
        case unterminatedQuote = "unterminated-quote"
        /// A symbolic link that loops or leads nowhere.
        case symlinkLoop = "symlink-loop"
        /// The file exists but cannot be read.
        case unreadable = "unreadable"
        /// A directory, device or socket where a file was expected.
        case notRegularFile = "not-regular-file"
        /// Too large to be a configuration file.
        case tooLarge = "too-large"
        /// The files that name the hostname disagree.
        case hostnameMismatch = "hostname-mismatch"
        /// A `key=value` line that cannot be read.
        case malformedSetting = "malformed-setting"
    }

    /// Where.
    public var location: SourceLocation
    /// What.
    public var problem: Problem
    /// The raw text of the line (control bytes escaped, cut to 200 characters).
    public var text: String
    /// One sentence for the admin: what it means and what to do.
    public var message: String

    /// Creates a diagnostic.
    public init(_ problem: Problem, at location: SourceLocation, text: String = "", message: String) {
        self.problem = problem
        self.location = location
        self.text = text
        self.message = message
    }
}
