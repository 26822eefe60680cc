import Foundation
import Testing

/// Reads outputs back the way their real consumers do: bash `set -a; . ./file`, python-dotenv,
/// and PyYAML. Each runs as a subprocess; a reader that fails is a test failure, never a skip.
enum Consumer {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// What bash gives the named variables after `set -a; . ./file`, for each file in its own subshell
    /// of one clean bash process.
    static func bash(_ reads: [(file: URL, names: [String])]) throws -> [[String: String]] {
        func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script = reads.map { read in
            "cd \(quoted(read.file.deletingLastPathComponent().path)) && ( set -a; . ./\(quoted(read.file.lastPathComponent)) || exit 3; printf '%s\\0' "
                + read.names.map { "\"$\($0)\"" }.joined(separator: " ") + " ) || exit 4"
        }.joined(separator: "\n")
        // The script outgrows one argument's limit (128 KiB): bash reads it from a file.
        let scriptFile = FileManager.default.temporaryDirectory.appendingPathComponent("consumer-\(UUID().uuidString).sh")
        try Data(script.utf8).write(to: scriptFile)
        defer { try? FileManager.default.removeItem(at: scriptFile) }
        let out = try run("/bin/bash", ["--noprofile", "--norc", scriptFile.path], in: FileManager.default.temporaryDirectory,
                          environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"])
        var fields = out.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.last == "" else { throw Failure(description: "bash output does not end in NUL") }
        fields.removeLast()
        guard fields.count == reads.map(\.names.count).reduce(0, +) else {
            throw Failure(description: "bash printed \(fields.count) values for \(reads.map(\.names.count).reduce(0, +)) names")
        }
        var results: [[String: String]] = []
        var offset = 0
        for read in reads {
            results.append(Dictionary(uniqueKeysWithValues: zip(read.names, fields[offset..<(offset + read.names.count)])))
            offset += read.names.count
        }
        return results
    }

    /// Every variable python-dotenv reads (`dotenv_values`) from each file, by path; nil for a key without a value.
    static func dotenv(_ files: [URL]) throws -> [String: [String: String?]] {
        let program = "import sys, os, json\nfrom dotenv import dotenv_values\nprint(json.dumps({f: dotenv_values(f) for f in sys.argv[1:]}))"
        guard let object = try JSONSerialization.jsonObject(with: python(program, files)) as? [String: [String: Any]] else {
            throw Failure(description: "dotenv did not return an object per file")
        }
        return object.mapValues { $0.mapValues { $0 as? String } }
    }

    /// The document PyYAML's `safe_load` reads from each file, by path, as JSON objects
    /// (strings stay `String`, `false` becomes a Bool).
    static func yaml(_ files: [URL]) throws -> [String: Any] {
        let program = "import sys, os, json, yaml\nprint(json.dumps({f: yaml.safe_load(open(f, encoding='utf-8')) for f in sys.argv[1:]}))"
        guard let object = try JSONSerialization.jsonObject(with: python(program, files)) as? [String: Any] else {
            throw Failure(description: "PyYAML did not return an object per file")
        }
        return object
    }

    /// What a chart template that inserts each text unquoted (`value: {{ .Values... }}`) puts in the
    /// manifest, as PyYAML reads the rendered line: a string, or a number, Bool or NSNull when the text
    /// was re-typed; a failure when the line no longer parses.
    static func renderedUnquoted(_ texts: [String]) throws -> [Any] {
        let program = "import sys, json, yaml\nprint(json.dumps([yaml.safe_load('value: ' + t)['value'] for t in sys.argv[1:]]))"
        let output = try run("/usr/bin/env", ["python3", "-c", program] + texts, in: FileManager.default.temporaryDirectory,
                             environment: ProcessInfo.processInfo.environment)
        guard let values = try JSONSerialization.jsonObject(with: output, options: [.fragmentsAllowed]) as? [Any] else {
            throw Failure(description: "PyYAML did not return a list")
        }
        return values
    }

    /// The string at a key path of a parsed YAML document; nil when absent or not a string.
    static func string(_ document: Any, _ path: String) -> String? {
        var node: Any? = document
        for key in path.split(separator: ".") { node = (node as? [String: Any])?[String(key)] }
        return node as? String
    }

    private static func python(_ program: String, _ files: [URL]) throws -> Data {
        try run("/usr/bin/env", ["python3", "-c", program] + files.map(\.path), in: FileManager.default.temporaryDirectory,
                environment: ProcessInfo.processInfo.environment)
    }

    /// Runs a program to completion; its standard output, or a failure naming the exit status and stderr.
    static func run(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]) throws -> Data {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("consumer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let out = try Data(contentsOf: outURL)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let err = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
            throw Failure(description: "\(executable) \(arguments.first ?? "") exited \(process.terminationStatus): \(err)")
        }
        return out
    }
}

/// A fresh directory under the temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("oidcsetup-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ contents: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
        return file
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
