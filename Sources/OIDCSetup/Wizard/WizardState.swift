/// What the front end must do for the wizard: effects are data, carried out by the executable.
public enum WizardEffect: Equatable, Sendable {
    /// Read the setup at this path (answer with `setupLoaded` or `setupLoadFailed`).
    case loadSetup(path: String)
    /// Tell the wizard which of these files already exist in the directory (answer with `outputInspected`).
    case inspectOutput(directory: String, fileNames: [String])
    /// Write these files atomically (answer with `writeFinished`).
    case write(WritePlan)
    /// Leave with this exit status, printing `message` after the terminal is restored.
    case quit(status: Int32, message: String?)
    /// Run the live check in the background; answer with `liveCheckResult` per line as each
    /// arrives, then `liveCheckFinished`, all carrying `run`.
    case runLiveCheck(LiveCheckPlan, run: Int)
    /// Stop that run's requests (its late results are ignored anyway).
    case cancelLiveCheck(run: Int)
}

/// The files the write step writes, and where.
public struct WritePlan: Equatable, Sendable {
    public let directory: String
    public let files: [OutputFile]
}

/// What writing will do to a file already on disk (the front end finds out: the core reads no files).
public enum ExistingFileFate: Equatable, Sendable {
    /// Same bytes and mode as the new one: not rewritten, no backup.
    case unchanged
    /// Replaced; the old one is kept under this backup name (`NAME.bak.2` when `.bak` and `.bak.1` exist).
    case replaced(backup: String)
}

/// What happened when the files were written.
public enum WriteOutcome: Equatable, Sendable {
    /// One line per file written (path, mode, backup), then the next commands.
    case written(summary: [String])
    case failed(String)
}

/// What the user did. Screens turn keys into these; nothing else changes the state.
public enum WizardEvent: Equatable, Sendable {
    case nextRequested
    case backRequested
    case focusNext
    case focusPrevious
    /// Enter on the focused item.
    case activate
    /// Space on a list or checkbox.
    case toggle
    case moveUp
    case moveDown
    /// Typed text at the cursor of the focused field.
    case insert(String)
    /// A paste: one edit, trimmed, refused if it holds a line break or control character.
    case paste(String)
    case deleteBackward
    case deleteForward
    case clearField
    case cursorLeft
    case cursorRight
    case cursorHome
    case cursorEnd
    /// Replace the focused field's whole value (a line-mode front end's way to answer).
    case fieldEdited(FieldID, String)
    case helpToggled
    case quitRequested
    case quitConfirmed
    case quitCancelled
    case revealToggled
    case nextTab
    case previousTab
    case scroll(Int)
    case scrollToTop
    case scrollToBottom
    /// Straight to the review step (reconfiguration: change one answer, then check and write).
    case reviewRequested
    /// `fates`: what writing will do to each existing file, when the front end could tell.
    case outputInspected(existing: [String], fates: [String: ExistingFileFate] = [:])
    /// The setup the start step asked for, read and imported; `directory` is where it was found.
    case setupLoaded(ImportedSetup, directory: String)
    case setupLoadFailed(String)
    case writeFinished(WriteOutcome)
    /// One line of the live check, from run `run`.
    case liveCheckResult(run: Int, CheckResult)
    case liveCheckFinished(run: Int)
    /// `s` on the check step: go on without checking.
    case skipLiveCheck
    /// `r` on the check step: check again.
    case rerunLiveCheck
    /// `a` on the check step: allow plain http to the hosts it names.
    case allowPlainHTTP
}

/// The whole state of the wizard: the answers plus where the user is.
public struct WizardState: Equatable, Sendable {
    public var config: Configuration
    /// How each secret is saved in the answers file (default: a `secretEnv` reference).
    public var secretReferences: [Component: SecretReference] = [:]
    public var step: WizardStep = .start
    /// Index into `items`.
    public var focus: Int = 0
    /// Text cursor (in characters) in the focused text field.
    public var cursor: Int = 0
    /// Highlighted row in the component checklist.
    public var listCursor: Int = 0
    /// Highlighted option of the start step (0: new setup, 1: change an existing one).
    public var startChoice: Int = 0
    /// Steps where Next was tried: all their errors are shown, not just those of edited fields.
    public var attempted: Set<WizardStep> = []
    /// Fields the user has edited: their errors show as they type.
    public var touched: Set<FieldID> = []
    public var claimConfirmed = false
    /// The warnings the operator ticked as read; a new or different warning needs a new tick.
    public var acceptedWarnings: [ValidationIssue]?
    /// The warnings of the configuration now.
    public var currentWarnings: [ValidationIssue] { Validator.validate(config).filter { $0.severity == .warning } }
    /// Whether the review's box stands ticked: the warnings accepted are exactly those shown.
    public var warningsAccepted: Bool { acceptedWarnings == currentWarnings }
    public var previewTab = 0
    /// First line shown of a scrollable view (review, preview).
    public var scroll = 0
    public var secretsRevealed = false
    public var outputDirectory = "."
    /// Files of the write that already exist (a backup will be kept); nil until inspected.
    public var existingFiles: [String]?
    /// What writing will do to each existing file, by name (see `ExistingFileFate`).
    public var existingFates: [String: ExistingFileFate] = [:]
    public var confirmingQuit = false
    public var showingHelp = false
    /// First line shown of the help panel's text.
    public var helpScroll = 0
    /// The steps shown so far; once every step before the review has been, a key jumps to it.
    public var seenSteps: Set<WizardStep> = []
    /// A one-off message about the last edit (whitespace trimmed, paste refused), by field.
    public var fieldNotices: [FieldID: FieldNotice] = [:]
    /// A message for the whole step.
    public var notice: String?
    public var writeOutcome: WriteOutcome?
    /// The path typed on the start step to load an existing setup from.
    public var loadPath = ""
    /// The output files of the loaded setup, as found: the diff compares with them, and rewritten
    /// env files keep their other lines. Empty for a new setup.
    public var baseline: [String: String] = [:]
    /// The provider check step.
    public var liveCheck = LiveCheckState()
    /// Where the loaded setup came from, and what the import could not represent.
    public var loadedFrom: String?
    public var importNotes: [String] = []
    /// The loaded setup, when its files did not say their Camunda version: the version step reads
    /// them again as the version chosen there.
    public var unversionedSetup: ImportedSetup?
    /// What changing the version did to the answers: kept but no longer written, newly asked.
    public var versionChangeNotes: [String] = []
    /// The answers as they were when the version step was entered: what a change of version is told against.
    public var versionStepStart: Configuration?

    public init(config: Configuration = Configuration()) {
        self.config = config
    }

    /// Whether the key that jumps to the review works here: every step before it has been seen.
    public var canJumpToReview: Bool {
        guard step != .review, step != .done, let review = steps.firstIndex(of: .review) else { return false }
        return steps[..<review].allSatisfy { $0 == .start || seenSteps.contains($0) }
    }

    public var steps: [WizardStep] { WizardStep.steps(for: config, comparing: !baseline.isEmpty) }
    public var items: [StepItem] {
        var items = step.items(for: config)
        // "Change an existing setup" asks where it is.
        if step == .start, startChoice == 1 { items.insert(.loadPath, at: 1) }
        return items
    }
    public var focusedItem: StepItem? { items.indices.contains(focus) ? items[focus] : nil }
    public var focusedField: FieldID? { focusedItem?.field }

    /// 1-based position of the current step, and the number of steps.
    public var progress: (index: Int, count: Int) {
        let all = steps
        return ((all.firstIndex(of: step) ?? all.count - 1) + 1, all.count)
    }

    /// Problems shown on the current step: those of edited fields, or all after a Next attempt.
    /// `allIssues`: the validation of the whole configuration, when the caller already has it
    /// (a screen validates once per frame, not once per field).
    public func visibleIssues(_ field: FieldID, allIssues: [ValidationIssue]? = nil) -> [ValidationIssue] {
        guard attempted.contains(step) || touched.contains(field) else { return [] }
        return (allIssues ?? Validator.validate(config)).filter { $0.field == field }
    }

    /// The value the focused text field edits.
    public func editableText(_ item: StepItem) -> String? {
        switch item {
        case .field(let f):
            switch FieldCatalog.field(f).kind {
            case .choice, .componentSet: return nil
            default: return config.values[f] ?? ""
            }
        case .outputDirectory: return outputDirectory
        case .loadPath: return loadPath
        default: return nil
        }
    }

    /// The files the wizard writes, secrets included, the answers file last: exactly what `generate`
    /// renders. The writer merges env files with what is on disk at write time.
    public func outputFiles() throws -> [OutputFile] {
        try OutputRenderer().render(config) + [answersFile]
    }

    /// The files as they will read once written over the loaded setup: env files keep the lines
    /// the tool does not own (`EnvFileMerge`), the Helm overlay its foreign keys (`HelmValuesMerge`).
    /// What the preview and the changes step show.
    /// True when every file to write is on disk already as it would be written.
    public func nothingChanges(_ files: [OutputFile]) -> Bool {
        !files.isEmpty && files.allSatisfy { existingFates[$0.name] == .unchanged }
    }

    public func mergedOutputFiles() throws -> [OutputFile] {
        try outputFiles().map { file in
            guard let old = baseline[file.name] else { return file }
            switch file.kind {
            case .envFile:
                return EnvFileMerge.mergedFile(file, existing: old, existingIsPrivate: false)
            case .helmValues, .configFile:
                guard let merged = HelmValuesMerge.merge(existing: old, generated: file.contents, fileName: file.name) else { return file }
                return OutputFile(name: file.name, kind: file.kind, contents: merged, holdsSecret: file.holdsSecret)
            default:
                return file
            }
        }
    }

    /// Key-by-key changes against the loaded setup.
    public func changes() throws -> [FileDiff] {
        SetupDiff.compute(baseline: baseline, new: try mergedOutputFiles())
    }

    /// The answers file saved beside the outputs, with `secretEnv` references instead of secrets.
    public var answersFile: OutputFile {
        OutputFile(name: AnswersFile.defaultFileName, kind: .answers,
                   contents: AnswersFile.render(config, secrets: savedSecretReferences), holdsSecret: false)
    }

    /// How the saved answers name each secret: as loaded (an environment variable or a file),
    /// else the conventional variable; never the secret itself.
    public var savedSecretReferences: [Component: SecretReference] {
        var references: [Component: SecretReference] = [:]
        for c in config.components where config.applies(.clientSecret(c)) {
            switch secretReferences[c] {
            case .environment(let name)?: references[c] = .environment(name)
            case .file(let path)?: references[c] = .file(path)
            case .literal?, nil: references[c] = .environment(SecretReference.defaultEnvironmentName(c))
            }
        }
        return references
    }
}

/// A message attached to one field after an edit.
public struct FieldNotice: Equatable, Sendable {
    public let severity: Severity
    public let message: String

    public init(severity: Severity, message: String) {
        self.severity = severity
        self.message = message
    }
}
