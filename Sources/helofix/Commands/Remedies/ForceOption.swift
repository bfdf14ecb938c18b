import ArgumentParser
import Foundation
import Remedy

/// `--force`, shared by every remedy subcommand.
struct ForceOption: ParsableArguments {
    @Flag(help: "Accept what is refused by default: a bare hosted domain as greeting, a range wider than /16 (/48 IPv6), a domain an account still owns.")
    var force = false
}
