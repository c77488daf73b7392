// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Isolint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "isolint", targets: ["isolint"]),
        .library(name: "INFSyntax", targets: ["INFSyntax"]),
        .library(name: "INFModel", targets: ["INFModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Every call into the operating system (files, folders, the console, process exit), with a
        // POSIX and a Windows implementation; no other module imports Glibc, Darwin or WinSDK.
        .target(name: "Platform"),
        .target(name: "INFSyntax", dependencies: ["Platform"]),
        .target(name: "INFModel", dependencies: ["INFSyntax"]),
        .target(name: "PE"),
        .target(name: "DriverPackage", dependencies: ["Platform", "INFSyntax", "INFModel", "PE"]),
        .target(name: "IsolationKnowledge", dependencies: ["INFModel"]),
        .target(name: "Findings", dependencies: ["INFModel"]),
        .target(name: "IsolationEngine", dependencies: ["Platform", "INFSyntax", "INFModel", "DriverPackage", "IsolationKnowledge", "Findings"]),
        .target(name: "IsolationRules", dependencies: ["INFSyntax", "INFModel", "DriverPackage", "IsolationKnowledge", "Findings", "IsolationEngine"]),
        .target(name: "ConfigurationFiles", dependencies: ["Findings", "IsolationEngine", "TOMLKit"]),
        .target(name: "Reporting", dependencies: ["Platform", "Findings", "DriverPackage", "INFModel"]),
        .target(name: "Fixing", dependencies: ["Platform", "INFSyntax", "INFModel", "DriverPackage", "Findings", "IsolationEngine"]),
        .target(name: "Workspace", dependencies: ["Platform", "INFSyntax", "INFModel", "DriverPackage", "IsolationKnowledge", "Findings", "IsolationEngine", "IsolationRules", "ConfigurationFiles", "Fixing"]),
        .target(name: "LanguageServer", dependencies: ["Platform", "INFSyntax", "DriverPackage", "Findings", "IsolationEngine", "IsolationRules", "Fixing", "Workspace"]),
        .executableTarget(
            name: "isolint",
            dependencies: [
                "Platform",
                "INFSyntax",
                "INFModel",
                "DriverPackage",
                "Findings",
                "IsolationEngine",
                "IsolationRules",
                "ConfigurationFiles",
                "Reporting",
                "Fixing",
                "Workspace",
                "LanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: the shared data beside the repository, encodings, example locations.
        .target(name: "TestSupport", dependencies: ["IsolationEngine"], path: "Tests/TestSupport"),
        .testTarget(name: "PlatformTests", dependencies: ["Platform", "TestSupport"]),
        .testTarget(name: "INFSyntaxTests", dependencies: ["INFSyntax"]),
        .testTarget(name: "INFModelTests", dependencies: ["INFModel"]),
        .testTarget(name: "CorpusTests", dependencies: ["INFModel", "TestSupport"], exclude: ["KnownNativeGaps.txt"]),
        .testTarget(name: "PETests", dependencies: ["PE"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Findings", "INFModel", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "DriverPackageTests", dependencies: ["DriverPackage"]),
        .testTarget(name: "IsolationTests", dependencies: ["Findings", "IsolationEngine", "IsolationRules", "ConfigurationFiles", "DriverPackage", "INFSyntax", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FixingTests", dependencies: ["Fixing", "Findings", "IsolationEngine", "IsolationRules", "INFSyntax", "DriverPackage", "TestSupport"], exclude: ["KnownFixGaps.txt"]),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "Findings", "IsolationEngine", "IsolationRules", "ConfigurationFiles", "Fixing", "Reporting", "DriverPackage", "TestSupport"], exclude: ["KnownVerdictGaps.txt"]),
        .testTarget(name: "EndToEndTests", dependencies: ["isolint", "Platform", "TestSupport"], exclude: ["Golden", "Editors"]),
    ]
)
