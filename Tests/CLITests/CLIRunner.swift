import Foundation
import Testing

/// Runs the built `camunda-oidc` binary as a subprocess.
///
/// The binary sits next to the test bundle (`<scratch>/debug/camunda-oidc` beside
/// `camunda-oidcPackageTests.xctest`); `swift build` makes it before `swift test` (see the Makefile).
enum CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    struct MissingBinary: Error, CustomStringConvertible {
        let path: String
        var description: String { "camunda-oidc is not built at \(path): run `swift build` (or `make test`) before `swift test`" }
    }

    static let binary: URL = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return runner.deletingLastPathComponent().appendingPathComponent("camunda-oidc")
    }()

    /// Raised when the binary has not ended within the time given (it is killed first).
    struct TimedOut: Error, CustomStringConvertible {
        let arguments: [String]
        let seconds: Double
        var description: String { "camunda-oidc \(arguments.joined(separator: " ")) ran longer than \(seconds) s and was killed" }
    }

    /// Runs the binary with the arguments, in `directory`, with the test's environment plus `environment`.
    /// A run longer than `timeout` seconds is killed and fails the test (a guard against hangs, not a benchmark).
    /// With `memoryLimitKB`, the binary runs under `ulimit -v`: runaway memory fails fast instead of
    /// taking the machine's.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:], timeout: Double = 120,
                    memoryLimitKB: Int? = nil) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw MissingBinary(path: binary.path) }
        let capture = directory.deletingLastPathComponent().appendingPathComponent(".capture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let outURL = capture.appendingPathComponent("stdout"), errURL = capture.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        if let memoryLimitKB {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -v \(memoryLimitKB) && exec \"$0\" \"$@\"", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            process.interrupt()
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw TimedOut(arguments: arguments, seconds: timeout)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        )
    }
}

/// A unique temporary directory per test, holding a `work` directory to run in; `remove()` deletes it all.
struct Sandbox {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("camunda-oidc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    /// The directory the binary runs in.
    var work: URL { root.appendingPathComponent("work") }

    func url(_ relative: String) -> URL { work.appendingPathComponent(relative) }

    @discardableResult
    func write(_ relative: String, _ contents: String, mode: Int? = nil) throws -> URL {
        let file = url(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
        if let mode { try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path) }
        return file
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(relative).path, isDirectory: &isDirectory)
    }

    /// Permission bits of a file or directory (not following a final symlink).
    func mode(_ relative: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url(relative).path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func list(_ relative: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(relative).path).sorted()
    }

    func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 120, memoryLimitKB: Int? = nil) throws -> CLI.Result {
        try CLI.run(arguments, in: work, environment: environment, timeout: timeout, memoryLimitKB: memoryLimitKB)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
