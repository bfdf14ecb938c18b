#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ServerFixtures

// helofix-bench: generates a synthetic cPanel server and log, then times the real binary against grep.
// Usage: swift run -c release helofix-bench [--domains N] [--log-mib M] [--runs R] [--dir DIR] [--helofix PATH]
//        [--profile sparse|flood|both] [--fleet-servers N] [--fleet-domains N]
//        [--only inspect|scan|console|fleet]
//        or helofix-bench --write-fixtures DIR (the fixture servers, for before/after output comparisons)
do {
    let options = try BenchOptions(CommandLine.arguments.dropFirst())
    if let dir = options.writeFixtures {
        for (name, tree) in Fixtures.all.sorted(by: { $0.key < $1.key }) { try tree.write(to: dir + "/" + name) }
        print("wrote \(Fixtures.all.count) fixture servers under \(dir)")
        exit(0)
    }
    let bench = try Bench(options: options)
    try bench.run()
} catch let error as BenchError {
    printError("helofix-bench: error: \(error.message)\n")
    exit(2)
} catch {
    printError("helofix-bench: error: \(error)\n")
    exit(2)
}
