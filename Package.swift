// swift-tools-version: 6.0
import PackageDescription

/// The commit semgate is built from, when the build says it (the release build and .ci/static-build.sh set
/// SEMGATE_COMMIT from git); `semgate --version` prints it. Anything but a hexadecimal commit id, optionally marked
/// `-dirty`, is ignored, so the variable cannot reach the compiler as anything else.
let buildCommit: String = {
    let value = Context.environment["SEMGATE_COMMIT"] ?? ""
    let hex = value.hasSuffix("-dirty") ? String(value.dropLast(6)) : value
    let valid = (7...64).contains(hex.count) && hex.allSatisfy { "0123456789abcdef".contains($0) }
    return valid ? value : ""
}()

let package = Package(
    name: "semgate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "semgate", targets: ["semgate"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        /** libgit2 as a system library: module map and a shim header for macros and variadics. */
        .systemLibrary(
            name: "CLibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        /** Every bound on depth, size and per-run work that repository content could otherwise make unbounded. */
        .target(name: "Limits", dependencies: ["BuildInfo"]),
        /** Facts about the build for --version: the commit given in SEMGATE_COMMIT, and the loader's view of linkage; the thread's stack bounds (StackGuard). */
        .target(
            name: "BuildInfo",
            cSettings: [.define("SEMGATE_COMMIT", to: "\"\(buildCommit)\""), .define("_GNU_SOURCE")],
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),
        /** Read-only repository access: revisions, tags, commits, trees, blobs, merge-base, shallow check. */
        .target(name: "Git", dependencies: ["CLibgit2", "BuildInfo", "Limits"]),
        /** SemVer 2.0.0 versions: parsing with precise errors, precedence, bumps. Pure values. */
        .target(name: "SemVer"),
        /** A linear-time regular expression engine with named groups and a work budget. */
        .target(name: "Pattern", dependencies: ["Limits"]),
        /** The policy model, YAML loading and validation with file:line:column diagnostics, the rule table. */
        .target(
            name: "Policy",
            dependencies: ["SemVer", "Pattern", "Limits", .product(name: "Yams", package: "Yams")]
        ),
        /** Go source without a toolchain: a lexer after the language specification and a declaration parser. */
        .target(name: "GoSource", dependencies: ["Limits"]),
        /** Cobra command lines read from Go source: commands, flags and aliases a user can type. */
        .target(name: "Cobra", dependencies: ["GoSource", "Limits"]),
        /** Surface items, the extractors, and the diff between two surfaces. */
        .target(name: "Surface", dependencies: ["Git", "Policy", "Pattern", "GoSource", "Cobra", "Limits"]),
        /** Release tags to releases with dates, predecessors and hygiene findings. */
        .target(name: "Releases", dependencies: ["Git", "SemVer", "Policy"]),
        /** Support lines and phases, fix targets, release cadence and deprecation periods: pure functions of releases. */
        .target(name: "Lifecycle", dependencies: ["Releases", "Policy", "SemVer"]),
        /** The rules: changes to findings to a verdict, for check, next, audit, diff and surface. */
        .target(name: "Gate", dependencies: ["Surface", "Releases", "Lifecycle", "Limits"]),
        /** One renderer a format: Report to String. */
        .target(name: "Reports", dependencies: ["Gate", "Lifecycle"]),
        /** The command line: ArgumentParser commands, nothing else. */
        .executableTarget(
            name: "semgate",
            dependencies: [
                "Gate", "Reports", "Lifecycle", "BuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /** Fixture repositories built with fixed dates, and helpers shared by the test targets. */
        .target(name: "TestSupport", dependencies: ["Git"], path: "Tests/TestSupport"),
        .testTarget(name: "GitTests", dependencies: ["Git", "TestSupport"]),
        .testTarget(name: "SemVerTests", dependencies: ["SemVer", "TestSupport"]),
        .testTarget(name: "PatternTests", dependencies: ["Pattern"]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "Surface", "SemVer", "Pattern"]),
        .testTarget(name: "GoSourceTests", dependencies: ["GoSource", "TestSupport"]),
        .testTarget(name: "CobraTests", dependencies: ["Cobra", "GoSource", "TestSupport"]),
        /** libFuzzer targets (Go lexer and parser, policy loader, pattern engine, list reader); run by .ci/fuzz.sh. */
        .executableTarget(
            name: "semgate-fuzz", dependencies: ["GoSource", "Pattern", "Policy", "Surface"], path: "Tests/Fuzz",
            exclude: ["corpus"]),
        /** Drives the Go lexer and parser over real files and random or mutated source; run by .ci/fuzz-go.sh. */
        .executableTarget(
            name: "gosource-fuzz", dependencies: ["GoSource", "Cobra", "TestSupport"], path: "Tests/GoSourceFuzz"),
        .testTarget(name: "SurfaceTests", dependencies: ["Surface", "Policy", "Pattern", "Limits", "TestSupport"]),
        .testTarget(name: "LifecycleTests", dependencies: ["Lifecycle", "Policy", "SemVer"]),
        .testTarget(
            name: "GateTests",
            dependencies: ["Gate", "Lifecycle", "TestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(
            name: "ReportsTests", dependencies: ["Reports", "Lifecycle", "TestSupport"],
            resources: [.copy("Golden"), .copy("Schemas")]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["TestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
