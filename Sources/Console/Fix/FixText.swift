import Remedy

/// The one-line messages of the fix screens.
public enum FixText {
    /// What an edit key says in a read-only session.
    public static let readOnly = "read-only: run as root without --read-only to make changes"

    /// What a key that would leave the applying step says while the transaction runs.
    static func stillApplying(_ glyphs: Glyphs) -> String {
        "Applying" + glyphs.ellipsis + " wait for the result (do not close the terminal); the keys work again then."
    }

    /// What a key typed after Enter says while the form's value is still being checked.
    static func checkingIgnoresKeys(_ glyphs: Glyphs) -> String {
        "Checking the value" + glyphs.ellipsis + " the preview opens when it is done; keys typed until then are ignored (Esc goes back)."
    }
}
