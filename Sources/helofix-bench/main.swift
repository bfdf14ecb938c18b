#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// helofix-bench: generates a synthetic cPanel server and log, then times the real binary against grep.
// Usage: swift run -c release helofix-bench [--domains N] [--log-mib M] [--runs R] [--dir DIR] [--helofix PATH] [--fleet-servers N] [--fleet-domains N]
do {
    let options = try BenchOptions(CommandLine.arguments.dropFirst())
    let bench = try Bench(options: options)
    try bench.run()
} catch let error as BenchError {
    printError("helofix-bench: error: \(error.message)\n")
    exit(2)
}
