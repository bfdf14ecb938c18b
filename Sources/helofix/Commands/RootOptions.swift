import ArgumentParser
import Foundation
import MailServer

/// `--root DIR`: read DIR as if it were `/`.
struct RootOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read DIR as if it were the server's /.", valueName: "DIR"))
    var root: String = "/"

    /// The root as an absolute path.
    var serverRoot: ServerRoot {
        let absolute = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
        return ServerRoot((absolute as NSString).standardizingPath)
    }
}

/// Prints `helofix: error: MESSAGE` to stderr and exits with `code`.
func fail(_ message: String, code: Int32 = 2) -> ExitCode {
    FileHandle.standardError.write(Data("helofix: error: \(message)\n".utf8))
    return ExitCode(code)
}
