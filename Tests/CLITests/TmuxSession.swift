#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Foundation
import Testing

/// The end-to-end harness: runs one command in the pane of a private tmux server, types keys at it
/// and reads the screen back.
///
/// Each session starts its own server (`tmux -L <unique> -f /dev/null`), so tests run in parallel and
/// never touch the user's tmux; `close()` kills it. The command runs in a fresh temporary directory that
/// is also its `HOME`, with `TERM=tmux-256color` and `LANG=C.UTF-8`.
///
/// Nothing here sleeps to synchronise: `waitFor` polls `capture-pane` until the expected text is on
/// screen, and fails with the last screen when it does not come within the timeout.
final class TmuxSession {
    /// Raised when the expected screen does not come; its description holds the last screen.
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// What the shell wrapper printed after the wizard ended.
    struct Ending {
        /// The wizard's exit status as the shell saw it (128+N for a signal).
        let status: Int32
        /// `stty -a` after the wizard ended, as words.
        let sttyWords: [String]
        /// Whether the pane is still on the alternate screen.
        let alternateScreen: Bool
        /// Whether the cursor is visible.
        let cursorVisible: Bool
        /// Everything the pane holds, scrollback included (`capture-pane -p -J -S -`).
        let history: String

        /// Cooked mode and echo back, as a shell needs them.
        var terminalIsSane: Bool {
            ["icanon", "echo", "isig", "icrnl", "opost"].allSatisfy(sttyWords.contains)
                && !["-icanon", "-echo", "-isig", "-icrnl", "-opost"].contains(where: sttyWords.contains)
        }

        var terminalReport: String {
            "alternate screen: \(alternateScreen ? "on" : "off"), cursor: \(cursorVisible ? "visible" : "hidden"), stty -a: \(sttyWords.joined(separator: " "))"
        }
    }

    static let exitMarker = "EXIT="
    static let endMarker = "END-OF-WRAPPER"

    /// Seconds `waitFor` polls before failing.
    static let defaultTimeout: Double = 10

    let socket: String
    /// Holds `work` (the command's working directory and HOME) and the harness's own files.
    let root: URL
    var work: URL { root.appendingPathComponent("work") }
    /// The wizard writes its process id here before exec'ing the binary (outside `work`).
    var pidFile: URL { root.appendingPathComponent("wizard.pid") }
    private var closed = false
    /// The server's socket, removed by `close()` (tmux leaves it behind after kill-server).
    private var socketPath = ""

    /// The `camunda-oidc` binary built next to the test runner (`swift build` makes it).
    static let binary: URL = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return runner.deletingLastPathComponent().appendingPathComponent("camunda-oidc")
    }()

    static let tmux: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(directory)/tmux") {
            return "\(directory)/tmux"
        }
        return nil
    }()

    static let terminalType: String = {
        let known = ["/usr/share/terminfo/t/tmux-256color", "/lib/terminfo/t/tmux-256color", "/etc/terminfo/t/tmux-256color"]
        return known.contains(where: FileManager.default.fileExists) ? "tmux-256color" : "xterm-256color"
    }()

    /// Starts `camunda-oidc <arguments>` in an 80x24 pane (by default). After it ends, the wrapper shell
    /// prints `EXIT=<status>`, `stty -a` and an end marker, then waits, so all of it can be read.
    /// `stdinRedirect` replaces the wizard's standard input (e.g. "/dev/null").
    /// `allowCoreDumps` runs the wizard under `ulimit -c unlimited` (it must lower the limit itself).
    init(arguments: [String] = [], columns: Int = 80, rows: Int = 24, stdinRedirect: String? = nil,
         environment: [String: String] = [:], allowCoreDumps: Bool = false) throws {
        guard let tmux = Self.tmux else { throw Failure(description: "tmux is not installed (scripts/install-deps.sh installs it)") }
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            throw Failure(description: "camunda-oidc is not built at \(Self.binary.path): run `swift build` before `swift test`")
        }
        _ = tmux
        socket = "camunda-oidc-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        root = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("work"), withIntermediateDirectories: true)

        // The wizard's provider check must not leave the machine: every proxied request goes to a
        // loopback port nothing listens on, and is refused.
        var exports = ["HOME": work.path, "TERM": Self.terminalType, "LANG": "C.UTF-8",
                       "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""]
        exports.merge(environment) { $1 }
        let invocation = ([Self.binary.path] + arguments).map(Self.quote).joined(separator: " ")
        let script = """
            cd \(Self.quote(work.path)) || exit 99
            unset LC_ALL LC_CTYPE LC_MESSAGES NO_COLOR
            \(exports.sorted { $0.key < $1.key }.map { "export \($0.key)=\(Self.quote($0.value))" }.joined(separator: "\n"))
            ulimit -c \(allowCoreDumps ? "unlimited" : "0")
            sh -c 'echo $$ > "$0"; exec "$@"' \(Self.quote(pidFile.path)) \(invocation)\(stdinRedirect.map { " < " + Self.quote($0) } ?? "")
            echo "\(Self.exitMarker)$?"
            stty -a
            echo \(Self.endMarker)
            exec sleep 600
            """
        try run(["set-option", "-g", "status", "off", ";",
                 "set-option", "-g", "history-limit", "5000", ";",
                 "new-session", "-d", "-s", "main", "-x", "\(columns)", "-y", "\(rows)", "-c", work.path,
                 "--", "/bin/sh", "-c", script])
        socketPath = (try? format("#{socket_path}")) ?? ""
    }

    deinit { close() }

    /// Kills the private server (and the pane's processes with it) and removes the directory.
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? run(["kill-server"])
        if socketPath.hasSuffix("/" + socket) { unlink(socketPath) }
        try? FileManager.default.removeItem(at: root)
    }

    // MARK: tmux

    /// Runs `tmux -L <socket> -f /dev/null <arguments>` and returns its standard output.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try Self.execute(Self.tmux!, ["-L", socket, "-f", "/dev/null"] + arguments, environment: Self.tmuxEnvironment, timeout: 10)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    private static let tmuxEnvironment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["TMUX_PANE"] = nil
        return environment
    }()

    /// The visible screen as text, trailing spaces and trailing empty lines removed.
    func screen() throws -> String {
        Self.normalize(try run(["capture-pane", "-p", "-t", "main"]))
    }

    /// The visible screen with its attributes as escape sequences (`capture-pane -e`).
    func styledScreen() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", "main"])
    }

    /// All the pane holds, scrollback included, wrapped lines joined.
    func history() throws -> String {
        try run(["capture-pane", "-p", "-J", "-S", "-", "-t", "main"])
    }

    func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var alternateScreenOn: Bool { get throws { try format("#{alternate_on}") == "1" } }

    // MARK: Typing

    /// Types literal text.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", "main", "-l", "--", text])
    }

    /// Presses keys by tmux name: Enter, Tab, BTab, Escape, Up, Down, Space, C-c, ...
    func press(_ keys: String...) throws {
        try run(["send-keys", "-t", "main"] + keys)
    }

    /// Pastes text as one bracketed paste (when the application asked for it, as the wizard does).
    func paste(_ text: String) throws {
        let buffer = "e2e-\(UUID().uuidString.prefix(8))"
        try run(["set-buffer", "-b", buffer, "--", text])
        try run(["paste-buffer", "-p", "-d", "-b", buffer, "-t", "main"])
    }

    func resize(columns: Int, rows: Int) throws {
        try run(["resize-window", "-t", "main", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// The wizard's process id (written by the wrapper just before it exec's the binary).
    func wizardPID() throws -> pid_t {
        _ = try waitUntil("the wizard's pid file") { _ in
            (try? String(contentsOf: self.pidFile, encoding: .utf8))?.hasSuffix("\n") ?? false
        }
        let text = try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = pid_t(text), pid > 1 else { throw Failure(description: "bad pid file: \(text)") }
        return pid
    }

    // MARK: Waiting

    /// Polls the screen until it contains every one of `texts`; returns that screen.
    @discardableResult
    func waitFor(_ texts: String..., timeout: Double = defaultTimeout) throws -> String {
        try waitUntil("the screen to show \(texts.map { "\"\($0)\"" }.joined(separator: " and "))", timeout: timeout) { screen in
            texts.allSatisfy(screen.contains)
        }
    }

    /// Polls the screen until `condition` holds; returns that screen, or throws with the last screen.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = defaultTimeout, _ condition: (String) throws -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while true {
            last = try screen()
            // The condition must hold on a fully drawn frame: tmux can show one half-read, with
            // the rest of the rows still from the previous frame.
            if try condition(last) {
                _ = try waitForSettledScreen()
                last = try screen()
                if try condition(last) { return last }
            }
            if Date() >= deadline { break }
            usleep(20_000)  // poll interval, not synchronisation
        }
        throw Timeout(description: "Timed out after \(timeout) s waiting for \(what). Last screen (\((try? format("#{window_width}x#{window_height}")) ?? "?")):\n\(Self.frame(last))")
    }

    /// Waits until two styled captures 30 ms apart are the same (the frame is fully drawn); returns it.
    func waitForSettledScreen() throws -> String {
        let deadline = Date().addingTimeInterval(Self.defaultTimeout)
        var previous = try styledScreen()
        while Date() < deadline {
            usleep(30_000)  // the interval that defines "settled", not a wait for an event
            let current = try styledScreen()
            if current == previous { return current }
            previous = current
        }
        throw Timeout(description: "The screen never settled. Last screen:\n\(Self.frame(try screen()))")
    }

    /// Waits for the styled screen to differ from `previous`; returns it.
    func waitForStyledChange(from previous: String, what: String) throws -> String {
        let deadline = Date().addingTimeInterval(Self.defaultTimeout)
        while Date() < deadline {
            let current = try styledScreen()
            if current != previous { return current }
            usleep(20_000)
        }
        throw Timeout(description: "Timed out waiting for the screen to change after \(what). Last screen:\n\(Self.frame(try screen()))")
    }

    /// Waits for the wrapper's end marker and reads how the wizard left the terminal.
    func waitForEnding(timeout: Double = defaultTimeout) throws -> Ending {
        let deadline = Date().addingTimeInterval(timeout)
        var history = ""
        while true {
            history = try self.history()
            if history.contains(Self.endMarker) { break }
            if Date() >= deadline {
                throw Timeout(description: "Timed out after \(timeout) s waiting for the wizard to exit. Last screen:\n\(Self.frame(try screen()))")
            }
            usleep(20_000)
        }
        let lines = history.components(separatedBy: "\n")
        guard let exitIndex = lines.lastIndex(where: { $0.hasPrefix(Self.exitMarker) }),
              let status = Int32(lines[exitIndex].dropFirst(Self.exitMarker.count).trimmingCharacters(in: .whitespaces)),
              let endIndex = lines.lastIndex(where: { $0.hasPrefix(Self.endMarker) }), endIndex > exitIndex
        else { throw Failure(description: "No exit status in the pane:\n\(history)") }
        let stty = lines[(exitIndex + 1)..<endIndex].joined(separator: " ")
        let words = stty.split(whereSeparator: { $0 == " " || $0 == ";" }).map(String.init)
        return Ending(status: status, sttyWords: words, alternateScreen: try alternateScreenOn,
                      cursorVisible: try format("#{cursor_flag}") == "1", history: history)
    }

    // MARK: Buttons

    /// Focuses the `< Next >` (or `< Write >`) button with Shift-Tab, as a user would, watching its
    /// highlight, then presses Enter.
    func pressNextButton() throws {
        // A step's title can be on screen before the rest of its frame (tmux may show a frame
        // half-read): judge the highlight only on a settled screen, or the previous step's
        // highlighted button could be taken for this one's.
        var styled = try waitForSettledScreen()
        for _ in 0..<16 {
            if Self.isHighlighted(["< Next >", "< Write >"], in: styled) {
                try press("Enter")
                return
            }
            try press("BTab")
            _ = try waitForStyledChange(from: styled, what: "Shift-Tab")
            styled = try waitForSettledScreen()
        }
        throw Failure(description: "The Next button never took focus. Last screen:\n\(Self.frame(try screen()))")
    }

    /// Whether one of `labels` is drawn in reverse video in a `capture-pane -e` screen.
    static func isHighlighted(_ labels: [String], in styled: String) -> Bool {
        for line in styled.components(separatedBy: "\n") {
            var reverse = false
            var index = line.startIndex
            while index < line.endIndex {
                if line[index] == "\u{1b}", let end = line[index...].firstIndex(where: { $0.isLetter }) {
                    if line[end] == "m" {
                        let parameters = line[line.index(index, offsetBy: 2)..<end].split(separator: ";", omittingEmptySubsequences: false)
                        var p = 0
                        while p < parameters.count {
                            switch parameters[p] {
                            case "", "0": reverse = false
                            case "7": reverse = true
                            case "27": reverse = false
                            case "38", "48", "58": p += parameters.indices.contains(p + 1) && parameters[p + 1] == "5" ? 2 : 4
                            default: break
                            }
                            p += 1
                        }
                    }
                    index = line.index(after: end)
                    continue
                }
                if reverse, labels.contains(where: { line[index...].hasPrefix($0) }) { return true }
                index = line.index(after: index)
            }
        }
        return false
    }

    // MARK: Helpers

    /// Lines without trailing spaces, and without trailing empty lines; ends with a newline.
    static func normalize(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n").map { line -> String in
            var line = Substring(line)
            while line.last == " " { line.removeLast() }
            return String(line)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A screen inside a ruler, for failure messages.
    static func frame(_ screen: String) -> String {
        "+" + String(repeating: "-", count: 80) + "\n"
            + screen.components(separatedBy: "\n").map { "|" + $0 }.joined(separator: "\n")
            + "\n+" + String(repeating: "-", count: 80)
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        let timedOut: Bool
    }

    /// Runs a program to its end (or kills it after `timeout` seconds), capturing both outputs.
    ///
    /// Spawned with `posix_spawn`, not `Process`: the child starts with no signal blocked and every
    /// signal at its default action. A test runner's threads block signals, and a tmux server (and the
    /// wizard in its pane) would inherit that mask, so `kill-server` and the signal tests would not work.
    static func execute(_ path: String, _ arguments: [String], environment: [String: String]? = nil,
                        stdinPath: String = "/dev/null", timeout: Double = 30) throws -> Result {
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("camunda-oidc-e2e-capture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let outPath = capture.appendingPathComponent("stdout").path, errPath = capture.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let environment = environment ?? ProcessInfo.processInfo.environment
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot run \(path): \(String(cString: strerror(spawned)))") }

        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var timedOut = false
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR { throw Failure(description: "waitpid \(path): \(String(cString: strerror(errno)))") }
            if Date() >= deadline {
                timedOut = true
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                break
            }
            usleep(2_000)
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus,
                      stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self),
                      timedOut: timedOut)
    }
}
