// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Performa",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Performa", targets: ["Performa"]),
        .library(name: "PerformaFormats", targets: ["PerformaFormats"]),
        .library(name: "PerformaReports", targets: ["PerformaReports"]),
        .library(name: "PerformaBulk", targets: ["PerformaBulk"]),
        .library(name: "PerformaStore", targets: ["PerformaStore"]),
        .library(name: "PerformaServer", targets: ["PerformaServer"]),
        .executable(name: "performa", targets: ["performa"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.32.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.25.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.30.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.25.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.25.0"),
    ],
    targets: [
        // Pure domain: plan tree, targets, scoring, validator. Foundation only, no I/O.
        .target(name: "Performa"),
        // Plan and results files (YAML/JSON), scorecard and tree output, spreadsheets (CSV/XLSX), open data.
        .target(
            name: "PerformaFormats",
            dependencies: [
                "Performa",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Bulk computation, for benchmarks and `performa generate`, not for the server's daily work: the compiled
        // national roll-up (flat columns, the domain's rules and policy steps inlined into its loops: they are
        // `@inlinable` in Performa) and the synthetic plan generator.
        .target(name: "PerformaBulk", dependencies: ["Performa", "PerformaFormats"]),
        // Documents and pictures: albero della performance (SVG), Piano, Relazione, Monitoraggio. No I/O.
        .target(name: "PerformaReports", dependencies: ["Performa"]),
        // Persistence behind one protocol: SQLite (embedded default) and PostgreSQL, written once with SQLKit.
        .target(
            name: "PerformaStore",
            dependencies: [
                "Performa", "PerformaFormats",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The web application: Hummingbird 2, Mustache templates, JSON API, auth and roles.
        .target(
            name: "PerformaServer",
            dependencies: [
                "Performa", "PerformaFormats", "PerformaReports", "PerformaStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                // Single sign-on: ID tokens checked with JWTKit, the provider reached with AsyncHTTPClient.
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Templates")]
        ),
        .executableTarget(
            name: "performa",
            dependencies: [
                "Performa", "PerformaFormats", "PerformaReports", "PerformaStore", "PerformaServer", "PerformaBulk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PerformaTests",
            dependencies: ["Performa", "PerformaBulk", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "PerformaFormatsTests",
            dependencies: ["PerformaFormats", "Performa", "PerformaReports", "PerformaBulk", .product(name: "Yams", package: "Yams"),
                           .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "PerformaReportsTests", dependencies: ["PerformaReports", "PerformaFormats", "Performa", "PerformaBulk"]),
        .testTarget(
            name: "PerformaStoreTests",
            dependencies: [
                "PerformaStore", "PerformaFormats", "Performa",
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "PerformaServerTests",
            dependencies: [
                "PerformaServer", "PerformaStore", "PerformaFormats", "Performa",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
