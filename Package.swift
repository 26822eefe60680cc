// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "camunda-oidc",
    products: [
        .executable(name: "camunda-oidc", targets: ["camunda-oidc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The live check (`verify`): HTTP with TLS (NIO + BoringSSL, linked statically) and JWT/JWKS.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
    ],
    targets: [
        // The pure core: catalog, model, validation, wizard state machine, renderers, importers.
        .target(name: "OIDCSetup", dependencies: ["Yams"]),
        // ncursesw, plus a header of static inline helpers for what Swift cannot import (macros).
        .systemLibrary(name: "CNcurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "TerminalUI", dependencies: ["CNcurses"]),
        // prctl and setrlimit at start: the wizard holds typed secrets, which a core file would keep.
        .target(name: "CProcess"),
        .target(name: "Screens", dependencies: ["OIDCSetup", "TerminalUI"], path: "Screens"),
        // The live check's I/O: HTTP requests, TLS trust, proxies, token signatures. The core decides
        // what to ask and how to judge the answers; this target only asks.
        .target(
            name: "ProviderCheck",
            dependencies: [
                "OIDCSetup",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
        .executableTarget(
            name: "camunda-oidc",
            dependencies: [
                "OIDCSetup", "TerminalUI", "Screens", "CProcess", "ProviderCheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Golden-file comparison shared by the test targets; recording always fails the test.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "OIDCSetupTests", dependencies: ["OIDCSetup", "TestSupport"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "CNcurses"]),
        .testTarget(name: "ScreensTests", dependencies: ["Screens", "OIDCSetup", "TerminalUI", "TestSupport"]),
        // Runs the built binary as a subprocess and in tmux (build it first: `make test` does).
        .testTarget(name: "CLITests", dependencies: ["OIDCSetup", "TestSupport"]),
        // The live check against a real provider (glewlwyd) and loopback listeners the tests start.
        .testTarget(name: "ProviderCheckTests", dependencies: ["ProviderCheck", "OIDCSetup", "TestSupport"]),
    ]
)
