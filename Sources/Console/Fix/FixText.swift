import Remedy

/// The one-line messages of the fix screens.
public enum FixText {
    /// What an edit key says in a read-only session.
    public static let readOnly = "read-only: run as root without --read-only to make changes"
}
