// swift-tools-version:6.0
import PackageDescription

/// helofix: find and fix the conflicts behind "550 Bad HELO - Host impersonating".
///
/// Data flows one way: files and logs -> `MailServer` snapshot -> `Diagnosis` findings ->
/// `Remedy` plan and transaction -> files. `Console` is a pure reducer over that state;
/// `CursesTerminal` is the only code that talks to ncursesw.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "helofix",
    // macOS 15: the standard library's `Mutex` (Synchronization), the one lock the code uses.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "helofix", targets: ["helofix"]),
        .executable(name: "helofix-bench", targets: ["helofix-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        // SHA-256 for backups by content hash and lost-update detection (Foundation on Linux has no digest API).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Theme and key-binding files are TOML.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW", providers: [.apt(["libncurses-dev"])]),
        // The one process launcher. swift-subprocess (1.0.2) was considered: its API is async only,
        // while our callers are synchronous (the transaction layer under its locks, scanning threads
        // streaming gzip) and the benchmark needs the child's peak memory, which it does not report.
        .target(name: "ProcessLaunch", dependencies: ["CLibcExtras"], swiftSettings: strict),
        // glibc's wcwidth (text widths), closefrom for posix_spawn and mallopt, which Swift's Glibc
        // leaves out, and the prefetch hint the log scan's pair table uses.
        .target(name: "CLibcExtras"),
        // The log scan's candidate search in C: Swift builds for baseline x86-64 and cannot turn on
        // AVX2 or AVX-512 for one function; C picks the widest the CPU has at run time.
        .target(name: "CLogScan"),
        .target(
            name: "MailServer",
            dependencies: ["ProcessLaunch", "CLogScan", "CLibcExtras", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: strict),
        // glibc's stub resolver (libresolv) behind a small C layer: the DNS evidence asks the real
        // system resolver instead of carrying DNS packet code of its own.
        .target(name: "CResolv", linkerSettings: [.linkedLibrary("resolv")]),
        .target(name: "DomainDNS", dependencies: ["MailServer", "CResolv"], swiftSettings: strict),
        .target(name: "Diagnosis", dependencies: ["MailServer", "DomainDNS"], swiftSettings: strict),
        .target(
            name: "Remedy",
            dependencies: ["MailServer", "Diagnosis", "ProcessLaunch", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        .target(name: "Analysis", dependencies: ["MailServer", "Diagnosis", "DomainDNS"], swiftSettings: strict),
        .target(
            name: "Console",
            dependencies: ["MailServer", "DomainDNS", "Diagnosis", "Remedy", "TOMLKit", "CLibcExtras"],
            // The built-in themes are compiled in from their TOML files (no bundle beside the binary).
            resources: [.embedInCode("Theme/Themes")],
            swiftSettings: strict),
        .target(name: "CursesTerminal", dependencies: ["Console", "CNCursesW"], swiftSettings: strict),
        .target(name: "ServerFixtures", dependencies: [], swiftSettings: strict),
        // The console at run time: the event loop, the background analysis and log tail, the file
        // watcher, the fix worker and the editor (the only writer), between Console and the executable.
        .target(
            name: "ConsoleRuntime",
            dependencies: ["MailServer", "DomainDNS", "Diagnosis", "Analysis", "Remedy", "Console", "CursesTerminal"],
            swiftSettings: strict),
        .executableTarget(
            name: "helofix",
            dependencies: [
                "MailServer", "DomainDNS", "Diagnosis", "Analysis", "Remedy", "Console", "ConsoleRuntime", "ServerFixtures",
                "CLibcExtras", // inspect's malloc arenas (Helofix.main); the JSON writer's escape scan
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "helofix-bench",
            dependencies: ["MailServer", "Diagnosis", "Console", "ConsoleRuntime", "ServerFixtures", "ProcessLaunch"],
            swiftSettings: strict),
        .target(name: "TestSupport", dependencies: ["MailServer", "Remedy", "ServerFixtures", "ProcessLaunch"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "ProcessLaunchTests", dependencies: ["ProcessLaunch"], swiftSettings: strict),
        .testTarget(name: "MailServerTests", dependencies: ["MailServer", "CLogScan", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "DomainDNSTests", dependencies: ["DomainDNS", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "DiagnosisTests", dependencies: ["Diagnosis", "DomainDNS", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "RemedyTests", dependencies: ["Remedy", "Diagnosis", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "DomainDNS", "TestSupport"], exclude: ["__Snapshots__"], swiftSettings: strict),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "HelofixTests", dependencies: ["helofix", "ConsoleRuntime", "TestSupport"], swiftSettings: strict),
    ]
)
