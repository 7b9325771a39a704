// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Performa",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Performa", targets: ["Performa"]),
        .library(name: "PerformaFormats", targets: ["PerformaFormats"]),
        .library(name: "PerformaReports", targets: ["PerformaReports"]),
        .executable(name: "performa", targets: ["performa"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
    ],
    targets: [
        // Pure domain: plan tree, targets, scoring, validator. Foundation only, no I/O.
        .target(name: "Performa"),
        // Plan and results files (YAML/JSON), scorecard and tree output.
        .target(
            name: "PerformaFormats",
            dependencies: ["Performa", .product(name: "Yams", package: "Yams")]
        ),
        // Documents and pictures: albero della performance (SVG), later the Piano and the Relazione. No I/O.
        .target(name: "PerformaReports", dependencies: ["Performa"]),
        .executableTarget(
            name: "performa",
            dependencies: [
                "Performa", "PerformaFormats", "PerformaReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PerformaTests",
            dependencies: ["Performa", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "PerformaFormatsTests",
            dependencies: ["PerformaFormats", "Performa", "PerformaReports"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
