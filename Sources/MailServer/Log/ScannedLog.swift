import Dispatch

/// One log that was read.
public struct ScannedLog: Sendable, Hashable, Codable {
    /// The path as shown.
    public var path: String
    /// Bytes read (uncompressed).
    public var bytes: Int
    /// Lines read.
    public var lines: Int
    /// Impersonation rejections found in it.
    public var rejections: Int
}
