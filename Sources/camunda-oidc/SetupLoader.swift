#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import OIDCSetup

/// Reads an existing setup from disk and hands the text to the core's importer: a directory of
/// env files, a Helm values file (with oidc-secret.yaml when it is beside it), or an answers file.
struct SetupLoader {
    struct Loaded {
        var setup: ImportedSetup
        /// The directory the setup lives in: where a rewrite goes by default.
        let directory: String
        /// What was read, for messages ("Helm values values-oidc.yaml").
        let description: String
        /// An answers file (defaults are its way), as opposed to deployed env or Helm files.
        var isAnswersFile: Bool { setup.baseline.isEmpty && description.hasPrefix("answers file") }
    }

    /// Exit status classes for `check` and the CLI: unreadable (66) versus malformed (65).
    enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        case malformed(ImportProblem)

        var description: String {
            switch self {
            case .unreadable(let message): return message
            case .malformed(let problem): return problem.description
            }
        }
    }

    /// The version given on the command line (`--camunda`): how files are read, whatever they say.
    let version: CamundaVersion?

    init(version: CamundaVersion? = nil) {
        self.version = version
    }

    /// Every env and config file name any version writes.
    static let outputFileNames: [String] = {
        var names: [String] = []
        for layout in OutputLayout.allVersions {
            for name in layout.envFileNames + layout.configFiles.map(\.fileName) where !names.contains(name) { names.append(name) }
        }
        return names
    }()

    /// The importer for these files: the version given, else the one their headers state, else 8.5
    /// (the caller sees from `statedVersion` that the files did not say).
    func importer(for texts: [String: String]) -> (SetupImporter, [ImportProblem]) {
        let stated = SetupImporter.statedVersion(in: texts).version
        var notes: [ImportProblem] = []
        if let version, let stated, stated != version {
            notes.append(ImportProblem(file: texts.keys.sorted().first ?? ".", line: nil,
                                       message: "the files say Camunda \(stated.rawValue); read as \(version.rawValue), as --camunda says"))
        }
        return (SetupImporter(version: version ?? stated ?? .v8_5), notes)
    }

    /// Loads the setup and takes every other output file of this tool found beside it into the
    /// baseline, so the changes step covers each file the write will replace.
    func load(_ path: String) throws(Failure) -> Loaded {
        let loaded = try loadSetup(path)
        var setup = loaded.setup
        let names = Self.outputFileNames
            + [OutputRenderer.helmValuesFileName, OutputRenderer.secretManifestFileName, OutputRenderer.checklistFileName, AnswersFile.defaultFileName]
        for name in names where setup.baseline[name] == nil {
            let file = Self.join(loaded.directory, name)
            guard exists(file), case .success(let bytes) = FileDescriptorIO.readFile(file),
                  let text = String(validating: bytes, as: UTF8.self) else { continue }
            // Only the files of the format being loaded, plus the checklist and answers file.
            let isEnv = Self.outputFileNames.contains(name)
            if isEnv != (setup.configuration.output == .env), name != OutputRenderer.checklistFileName, name != AnswersFile.defaultFileName { continue }
            setup.baseline[name] = text
        }
        return Loaded(setup: setup, directory: loaded.directory, description: loaded.description)
    }

    private func loadSetup(_ path: String) throws(Failure) -> Loaded {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .unreadable("\(path): \(FileDescriptorIO.systemError())")
        }
        if info.st_mode & S_IFMT == S_IFDIR { return try loadDirectory(path) }
        let directory = Self.directory(of: path)
        if path.hasSuffix(".env") { return try loadDirectory(directory) }
        let text = try read(path)
        do {
            if Self.looksLikeAnswers(text) {
                var setup = try SetupImporter().importAnswers(text, file: path)
                try resolveSecrets(&setup, answersPath: path)
                return Loaded(setup: setup, directory: directory, description: "answers file \(path)")
            }
            let manifestPath = Self.join(directory, OutputRenderer.secretManifestFileName)
            let manifest = exists(manifestPath) ? (file: manifestPath, text: try read(manifestPath)) : nil
            let (importer, notes) = importer(for: [path.lastPathComponent: text])
            var setup = try importer.importHelmValues(text, file: path, secretManifest: manifest)
            setup.notes = notes + setup.notes
            return Loaded(setup: setup, directory: directory, description: "Helm values \(path)")
        } catch let problem as ImportProblem {
            throw .malformed(problem)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .unreadable("\(path): \(error)")
        }
    }

    private func loadDirectory(_ directory: String) throws(Failure) -> Loaded {
        var envFiles: [String: String] = [:]
        for name in Self.outputFileNames {
            let path = Self.join(directory, name)
            if exists(path) { envFiles[name] = try read(path) }
        }
        if envFiles.keys.contains(where: { $0.hasSuffix(".env") }) {
            let (importer, notes) = importer(for: envFiles)
            let answers = Self.join(directory, AnswersFile.defaultFileName)
            if exists(answers) { envFiles[AnswersFile.defaultFileName] = try read(answers) }
            do {
                var setup = try importer.importEnvFiles(envFiles)
                setup.notes = notes + setup.notes
                return Loaded(setup: setup, directory: directory, description: "env files in \(directory)")
            } catch {
                throw .malformed(ImportProblem(file: Self.join(directory, error.file), line: error.line, message: error.message))
            }
        }
        let values = Self.join(directory, OutputRenderer.helmValuesFileName)
        if exists(values) { return try loadSetup(values) }
        let answers = Self.join(directory, AnswersFile.defaultFileName)
        if exists(answers) { return try loadSetup(answers) }
        throw .unreadable("\(directory): no setup found (env files such as identity.env, \(OutputRenderer.helmValuesFileName), or \(AnswersFile.defaultFileName))")
    }

    /// Answers files name secrets by environment variable or file; resolve them as `generate` does.
    private func resolveSecrets(_ setup: inout ImportedSetup, answersPath: String) throws(Failure) {
        var answers = Answers(configuration: setup.configuration, secretReferences: setup.secretReferences)
        let resolution = SecretResolver(answersPath: answersPath).resolve(&answers)
        setup.configuration = answers.configuration
        let unresolved = resolution.problems + resolution.unreadable
        setup.notes += unresolved.map { ImportProblem(file: answersPath, line: nil, message: $0 + ": enter it again") }
    }

    private func read(_ path: String) throws(Failure) -> String {
        switch FileDescriptorIO.readFile(path) {
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else { throw .malformed(ImportProblem(file: path, line: nil, message: "not UTF-8 text")) }
            return text
        case .failure(let failure):
            throw .unreadable(failure.description)
        }
    }

    private func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    static func looksLikeAnswers(_ text: String) -> Bool {
        // Top-level keys only: an answers file has version and components, a values file has global.
        let keys = text.split(separator: "\n").filter { !($0.first?.isWhitespace ?? true) }.map { String($0).trimmingWhitespace() }
        return keys.contains { $0.hasPrefix("version:") } && keys.contains("components:") && !keys.contains("global:")
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

extension OutputWriter {
    /// Files that already exist on disk keep what the tool does not own: env files their other
    /// variables and comments, in place, never becoming more readable than they were; the Helm
    /// overlay its other keys. Other files are replaced whole, with a backup. A symlink is left
    /// for `write` to refuse.
    func mergingExistingFiles(_ files: [OutputFile]) -> [OutputFile] {
        files.map { file in
            let target = path(file.name)
            var info = stat()
            guard [.envFile, .helmValues, .configFile].contains(file.kind), lstat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                  case .success(let bytes) = FileDescriptorIO.readFile(target),
                  let existing = String(validating: bytes, as: UTF8.self) else { return file }
            if file.kind == .helmValues || file.kind == .configFile {
                // Console's application.yaml keeps the operator's managed.releases list, the overlay its keys.
                guard let merged = HelmValuesMerge.merge(existing: existing, generated: file.contents, fileName: file.name) else { return file }
                return OutputFile(name: file.name, kind: file.kind, contents: merged, holdsSecret: file.holdsSecret || info.st_mode & 0o044 != 0o044)
            }
            let isPrivate = info.st_mode & 0o044 != 0o044
            return EnvFileMerge.mergedFile(file, existing: existing, existingIsPrivate: isPrivate)
        }
    }
}
