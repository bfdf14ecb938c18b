/// The one version number of helofix: `helofix --version` prints it and `scripts/package` names
/// the .deb and the tarball after it.
enum HelofixVersion {
    static let current = "0.9.0"
}
