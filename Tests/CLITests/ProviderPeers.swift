import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real OpenID provider of the live-check tests (Debian's glewlwyd, Tests/Peers/glewlwyd), one
/// over plain http and one over TLS with a self-signed CA, each on a free loopback port. Started
/// once for the suite by `ProviderPeers.Scope`, stopped after it.
enum ProviderPeers {
    struct Peer: Sendable {
        let directory: URL
        let issuer: String
        let caFile: String?
    }

    /// Confidential clients: `id:secret:scope` (glewlwyd puts the scope in `aud`).
    static let clients = [
        ("identity-client", "identity-secret-NOT-REAL", "identity-api"),
        ("operate-client", "operate-secret-NOT-REAL", "operate-api"),
        ("zeebe-client", "zeebe-secret-NOT-REAL", "zeebe-api"),
    ]
    static let secrets = clients.map(\.1)

    nonisolated(unsafe) static var http: Peer!
    nonisolated(unsafe) static var tls: Peer!

    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Peers/glewlwyd")

    struct StartFailed: Error, CustomStringConvertible {
        let output: String
        var description: String { "glewlwyd did not start (is it installed? scripts/install-deps.sh):\n\(output)" }
    }

    static func start(tls: Bool) throws -> Peer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("camunda-oidc-idp-\(UUID().uuidString)")
        let (status, text) = try runScript(scripts.appendingPathComponent("start.sh").path,
                                           [directory.path, String(try freePort())] + (tls ? ["tls"] : []),
                                           environment: ["IDP_CLIENTS": clients.map { "\($0.0):\($0.1):\($0.2)" }.joined(separator: " ")])
        let values = Dictionary(text.split(separator: "\n").compactMap { line -> (String, String)? in
            guard let equals = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<equals]), String(line[line.index(after: equals)...]))
        }, uniquingKeysWith: { $1 })
        guard status == 0, let issuer = values["ISSUER"] else { throw StartFailed(output: text) }
        return Peer(directory: directory, issuer: issuer, caFile: values["CA"])
    }

    static func stop(_ peer: Peer?) {
        guard let peer else { return }
        _ = try? runScript(scripts.appendingPathComponent("stop.sh").path, [peer.directory.path])
        try? FileManager.default.removeItem(at: peer.directory)
    }

    /// Runs a script to its end (posix_spawn + waitpid: Foundation's Process can miss the exit of
    /// a child whose own child lives on), its output in a file read afterwards.
    static func runScript(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("camunda-oidc-script-\(UUID().uuidString)").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { throw StartFailed(output: "cannot run \(path)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return ((status >> 8) & 0xff, text)
    }

    /// Starts both providers before the suite and stops them after it.
    struct Scope: SuiteTrait, TestScoping {
        func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
            async let plain = Task.detached { try ProviderPeers.start(tls: false) }.value
            async let secure = Task.detached { try ProviderPeers.start(tls: true) }.value
            let started = try await (plain, secure)
            ProviderPeers.http = started.0
            ProviderPeers.tls = started.1
            defer {
                ProviderPeers.stop(ProviderPeers.http)
                ProviderPeers.stop(ProviderPeers.tls)
            }
            try await function()
        }
    }
}

/// A loopback port nothing listens on (bound, read, released).
func freePort() throws -> Int {
    let listener = try LoopbackListener()
    return listener.port
}

/// A TCP listener on 127.0.0.1. Without `respond`, connections complete in the kernel's backlog
/// and are never answered (a provider that hangs); with it, each request gets that raw answer.
final class LoopbackListener: @unchecked Sendable {
    let descriptor: Int32
    let port: Int
    private var thread: Thread?

    struct SocketError: Error {}

    init(respond: String? = nil) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw SocketError() }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        if let respond {
            let thread = Thread {
                while true {
                    let connection = accept(fd, nil, nil)
                    guard connection >= 0 else { return }
                    var request: [UInt8] = []
                    var buffer = [UInt8](repeating: 0, count: 4096)
                    while !String(decoding: request, as: UTF8.self).contains("\r\n\r\n") {
                        let n = read(connection, &buffer, buffer.count)
                        guard n > 0 else { break }
                        request += buffer[0..<n]
                    }
                    let answer = Array(respond.utf8)
                    _ = answer.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
                    close(connection)
                }
            }
            thread.start()
            self.thread = thread
        }
    }

    deinit {
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }
}
