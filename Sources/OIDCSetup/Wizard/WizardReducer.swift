/// The wizard's state machine: state + event -> new state + effects as data.
/// It knows nothing of terminals, so any front end (ncurses, line mode, tests) can drive it.
public enum Wizard {
    /// Largest paste taken as one edit; larger pastes are refused whole (never truncated).
    public static let maximumPaste = 64 * 1024

    /// Exit status when the operator leaves without writing (as for SIGINT).
    public static let cancelledStatus: Int32 = 130

    public static func reduce(_ state: inout WizardState, _ event: WizardEvent) -> [WizardEffect] {
        switch event {
        case .liveCheckResult, .liveCheckFinished:
            // Results arrive whatever is on screen (help, the quit question).
            return reduceLiveCheck(&state, event) ?? []
        default:
            break
        }
        if state.confirmingQuit {
            switch event {
            case .quitConfirmed:
                return [.quit(status: cancelledStatus, message: "camunda-oidc: left without writing anything.")]
            case .quitCancelled, .backRequested:
                state.confirmingQuit = false
            default:
                break
            }
            return []
        }
        if state.showingHelp, case .scroll(let lines) = event {
            state.helpScroll = max(0, state.helpScroll + lines)
            return []
        }
        if state.showingHelp, event != .helpToggled, event != .quitRequested {
            // Any key closes the help panel; Esc and Enter only close it.
            state.showingHelp = false
            if event == .backRequested || event == .activate { return [] }
        }
        if let effects = reduceLiveCheck(&state, event) { return effects }
        switch event {
        case .quitRequested:
            if state.step == .done { return [.quit(status: 0, message: doneMessage(state))] }
            state.confirmingQuit = true
        case .quitConfirmed, .quitCancelled:
            break
        case .helpToggled:
            state.showingHelp.toggle()
            state.helpScroll = 0
        case .nextRequested:
            return next(&state)
        case .backRequested:
            back(&state)
        case .focusNext:
            moveFocus(&state, by: 1)
        case .focusPrevious:
            moveFocus(&state, by: -1)
        case .activate:
            return activate(&state)
        case .toggle:
            toggle(&state)
        case .moveUp:
            move(&state, by: -1)
        case .moveDown:
            move(&state, by: 1)
        case .insert(let text):
            // The terminal layer turns a byte that is not UTF-8 into U+FFFD: refuse it, say why.
            if text.unicodeScalars.contains(Self.notUTF8) {
                refuseInFocusedField(&state, "A byte that is not UTF-8 text was typed and dropped: set the terminal to UTF-8 (e.g. LANG=C.UTF-8) and type the character again.")
                return []
            }
            edit(&state) { value, cursor in
                value.insert(contentsOf: text, at: value.index(value.startIndex, offsetBy: cursor))
                cursor += text.count
            }
        case .paste(let text):
            paste(&state, text)
        case .deleteBackward:
            edit(&state) { value, cursor in
                guard cursor > 0 else { return }
                value.remove(at: value.index(value.startIndex, offsetBy: cursor - 1))
                cursor -= 1
            }
        case .deleteForward:
            edit(&state) { value, cursor in
                guard cursor < value.count else { return }
                value.remove(at: value.index(value.startIndex, offsetBy: cursor))
            }
        case .clearField:
            edit(&state) { value, cursor in
                value = ""
                cursor = 0
            }
        case .cursorLeft: state.cursor = max(0, state.cursor - 1)
        case .cursorRight: state.cursor = min(currentText(state).count, state.cursor + 1)
        case .cursorHome: state.cursor = 0
        case .cursorEnd: state.cursor = currentText(state).count
        case .fieldEdited(let field, let value):
            setField(&state, field, value)
        case .revealToggled:
            if state.step == .preview { state.secretsRevealed.toggle() }
        case .nextTab, .previousTab:
            guard state.step == .preview else { break }
            let count = (try? state.outputFiles().count) ?? 1
            state.previewTab = (state.previewTab + (event == .nextTab ? 1 : count - 1)) % max(count, 1)
            state.scroll = 0
            state.secretsRevealed = false
        case .scroll(let lines):
            state.scroll = max(0, state.scroll + lines)
        case .scrollToTop:
            state.scroll = 0
        case .scrollToBottom:
            state.scroll = Int.max / 2
        case .reviewRequested:
            guard state.canJumpToReview else { break }
            state.notice = nil
            return enter(&state, .review)
        case .outputInspected(let existing, let fates):
            state.existingFiles = existing
            state.existingFates = fates
        case .setupLoaded(let setup, let directory):
            load(&state, setup, directory: directory)
        case .setupLoadFailed(let message):
            state.notice = message
        case .liveCheckResult, .liveCheckFinished, .skipLiveCheck, .rerunLiveCheck, .allowPlainHTTP:
            break
        case .writeFinished(let outcome):
            state.writeOutcome = outcome
            if case .written = outcome {
                state.step = .done
                state.focus = 0
            }
        }
        return []
    }

    // MARK: Navigation

    static func next(_ state: inout WizardState) -> [WizardEffect] {
        state.notice = nil
        switch state.step {
        case .start:
            if state.startChoice == 1 {
                let path = state.loadPath.trimmingWhitespace()
                guard !path.isEmpty else {
                    state.notice = "Give the directory of your env files, or your values file or answers file."
                    focus(&state, state.items.firstIndex(of: .loadPath) ?? 0)
                    return []
                }
                return [.loadSetup(path: path)]
            }
        case .done:
            return [.quit(status: 0, message: doneMessage(state))]
        case .write:
            return confirmWrite(&state)
        default:
            break
        }
        let blocking = blockingProblems(state)
        guard blocking.isEmpty else {
            state.attempted.insert(state.step)
            if let first = blocking.first, let index = state.items.firstIndex(of: first) { focus(&state, index) }
            return []
        }
        if state.step == .version, let setup = state.unversionedSetup {
            rereadAs(&state, setup)
        }
        let steps = state.steps
        guard let index = steps.firstIndex(of: state.step), index + 1 < steps.count else { return [] }
        return enter(&state, steps[index + 1])
    }

    /// Reads the loaded files again as the version chosen (they did not say theirs).
    static func rereadAs(_ state: inout WizardState, _ setup: ImportedSetup) {
        state.unversionedSetup = nil
        guard setup.configuration.version != state.config.version else { return }
        do {
            let again = try SetupImporter(version: state.config.version).reimport(setup)
            state.config = again.configuration
            state.baseline = again.baseline.merging(state.baseline) { new, _ in new }
            state.importNotes = again.notes.map(\.description)
            state.versionChangeNotes = []
        } catch {
            state.notice = "Could not read the files as Camunda \(state.config.version.rawValue): \(error.description)"
        }
    }

    static func back(_ state: inout WizardState) {
        state.notice = nil
        let steps = state.steps
        guard let index = steps.firstIndex(of: state.step), index > 0 else { return }
        _ = enter(&state, steps[index - 1])
    }

    static func enter(_ state: inout WizardState, _ step: WizardStep) -> [WizardEffect] {
        let steps = state.steps
        let forward = (steps.firstIndex(of: state.step) ?? 0) < (steps.firstIndex(of: step) ?? 0)
        var effects: [WizardEffect] = []
        if state.step == .providerCheck, step != .providerCheck, state.liveCheck.running {
            // Leaving while it runs: the lines answered so far stay, the rest are cancelled.
            state.liveCheck.running = false
            state.liveCheck.cancelled = true
            effects.append(.cancelLiveCheck(run: state.liveCheck.run))
        }
        state.step = step
        state.seenSteps.insert(step)
        state.scroll = 0
        state.secretsRevealed = false
        state.listCursor = 0
        state.fieldNotices = [:]
        // The first input, or Next when the step has none (Enter then goes on, not back).
        focus(&state, state.items.firstIndex { $0 != .backButton } ?? 0)
        switch step {
        case .version:
            state.versionStepStart = state.config
            state.versionChangeNotes = []
        case .preview:
            state.previewTab = 0
        case .write:
            state.existingFiles = nil
            state.existingFates = [:]
            state.writeOutcome = nil
            return effects + [inspect(state)]
        case .providerCheck:
            // Coming from the answers (the first time, or after fixing a field) checks again.
            if forward || state.liveCheck.plan == nil { return effects + startLiveCheck(&state) }
        default:
            break
        }
        return effects
    }

    /// The items on the current step whose problems block Next, in item order.
    static func blockingProblems(_ state: WizardState) -> [StepItem] {
        var blocking: [StepItem] = []
        let fields = state.step.fields(for: state.config)
        let errors = Validator.validate(state.config).filter { $0.severity == .error }
        for field in fields where errors.contains(where: { $0.field == field }) {
            blocking.append(.field(field))
        }
        if state.step == .initialClaim, !state.claimConfirmed { blocking.append(.claimConfirmation) }
        if state.step == .review {
            if !errors.isEmpty { blocking.append(.nextButton) }
            if state.items.contains(.warningsAccepted), !state.warningsAccepted { blocking.append(.warningsAccepted) }
        }
        return blocking
    }

    static func confirmWrite(_ state: inout WizardState) -> [WizardEffect] {
        let directory = state.outputDirectory.trimmingWhitespace()
        guard !directory.isEmpty else {
            state.attempted.insert(.write)
            state.notice = "Give a directory to write to (. is the current one)."
            return []
        }
        guard state.existingFiles != nil else { return [inspect(state)] }
        do {
            let files = try state.outputFiles()
            if state.nothingChanges(files) {
                state.notice = "Nothing to write: every file already holds exactly this."
                return []
            }
            return [.write(WritePlan(directory: directory, files: files))]
        } catch {
            state.notice = "The answers still have errors: go back and fix them."
            return []
        }
    }

    static func inspect(_ state: WizardState) -> WizardEffect {
        let names = OutputRenderer().fileNames(for: state.config) + [AnswersFile.defaultFileName]
        return .inspectOutput(directory: state.outputDirectory.trimmingWhitespace(), fileNames: names)
    }

    static func doneMessage(_ state: WizardState) -> String? {
        guard case .written(let summary) = state.writeOutcome else { return nil }
        return summary.joined(separator: "\n")
    }

    /// Fills the wizard from an existing setup and goes to the first question. The files found
    /// become the baseline; the write goes back to the same directory by default, with backups.
    static func load(_ state: inout WizardState, _ setup: ImportedSetup, directory: String) {
        state.config = setup.configuration
        state.secretReferences = setup.secretReferences
        state.baseline = setup.baseline
        state.loadedFrom = state.loadPath.trimmingWhitespace()
        state.importNotes = setup.notes.map(\.description)
        state.outputDirectory = directory
        // The claim was confirmed when the setup was first written; changing it asks again.
        state.claimConfirmed = true
        state.touched = []
        state.attempted = []
        state.versionChangeNotes = []
        // Files that do not say their version were read as the one given (or 8.5): the version step asks.
        state.unversionedSetup = setup.statedVersion == nil && setup.source != .answers ? setup : nil
        _ = enter(&state, .version)
        let files = setup.baseline.count
        if state.unversionedSetup != nil {
            state.notice = "The files do not say their Camunda version: choose it, they are read as that one."
            return
        }
        state.notice = "Loaded \(state.loadedFrom ?? directory)" + (files > 0 ? " (\(files) file\(files == 1 ? "" : "s"))" : "")
            + (setup.notes.isEmpty ? "." : "; \(setup.notes.count) note\(setup.notes.count == 1 ? "" : "s") on the review step.")
    }

    // MARK: Focus

    static func focus(_ state: inout WizardState, _ index: Int) {
        let items = state.items
        state.focus = items.isEmpty ? 0 : min(max(index, 0), items.count - 1)
        state.cursor = state.focusedItem.flatMap { state.editableText($0) }?.count ?? 0
        if state.focusedItem == .field(.components) { state.listCursor = min(state.listCursor, state.config.profile.components.count - 1) }
    }

    static func moveFocus(_ state: inout WizardState, by delta: Int) {
        let count = state.items.count
        guard count > 0 else { return }
        focus(&state, (state.focus + delta + count) % count)
    }

    static func activate(_ state: inout WizardState) -> [WizardEffect] {
        switch state.focusedItem {
        case .backButton:
            back(&state)
            return []
        case .nextButton, nil:
            return next(&state)
        default:
            // Enter on the last input goes on to the next step; elsewhere it moves to the next input.
            let inputs = state.items.filter { $0 != .backButton && $0 != .nextButton }
            if state.focusedItem == inputs.last { return next(&state) }
            moveFocus(&state, by: 1)
            return []
        }
    }

    // MARK: Lists and choices

    static func toggle(_ state: inout WizardState) {
        switch state.focusedItem {
        case .field(.components):
            let c = state.config.profile.components[state.listCursor]
            if state.config.profile.alwaysDeployed.contains(c) {
                state.notice = "\(state.config.profile.name(of: c)) is always deployed: it is the cluster itself."
                return
            }
            if state.config.selectedComponents.contains(c) {
                state.config.selectedComponents.remove(c)
            } else {
                state.config.selectedComponents.insert(c)
            }
            state.touched.insert(.components)
        case .claimConfirmation:
            state.claimConfirmed.toggle()
        case .warningsAccepted:
            state.acceptedWarnings = state.warningsAccepted ? nil : state.currentWarnings
        case .field(let f) where FieldCatalog.field(f).kind == .choice:
            move(&state, by: 1)
        default:
            break
        }
    }

    static func move(_ state: inout WizardState, by delta: Int) {
        switch state.focusedItem {
        case .startChoice:
            state.startChoice = min(max(state.startChoice + delta, 0), 1)
            state.notice = nil
        case .field(.components):
            state.listCursor = min(max(state.listCursor + delta, 0), state.config.profile.components.count - 1)
        case .field(let f) where FieldCatalog.field(f).kind == .choice:
            let choices = FieldCatalog.field(f).choices
            let current = choices.firstIndex { $0.value == state.config.value(f) } ?? 0
            let next = min(max(current + delta, 0), choices.count - 1)
            choose(&state, f, choices[next].value)
        default:
            if state.step == .review || state.step == .preview || state.step == .done {
                state.scroll = max(0, state.scroll + delta)
            } else {
                moveFocus(&state, by: delta)
            }
        }
    }

    static func choose(_ state: inout WizardState, _ field: FieldID, _ value: String) {
        switch field {
        case .camundaVersion:
            guard let version = CamundaVersion(rawValue: value), version != state.config.version else { return }
            state.config.version = version
            // Told against the answers as they were when the step was entered, once there are answers.
            if let before = state.versionStepStart, !before.values.isEmpty, before.version != version {
                state.versionChangeNotes = versionChange(from: before, to: state.config)
            } else {
                state.versionChangeNotes = []
            }
        case .provider: state.config.provider = Provider(rawValue: value) ?? state.config.provider
        case .output: state.config.output = OutputFormat(rawValue: value) ?? state.config.output
        case .helmSecrets: state.config.helmSecrets = HelmSecretMode(rawValue: value) ?? state.config.helmSecrets
        case .connectorsMode: state.config.connectorsMode = ConnectorsMode(rawValue: value) ?? state.config.connectorsMode
        default:
            // Choices kept as answers (8.8's yes/no questions).
            guard FieldCatalog.field(field).choices.contains(where: { $0.value == value }) else { return }
            state.config.set(field, value)
            state.touched.insert(field)
        }
        // Items may change with the choice (the Kubernetes Secret name appears); keep focus on the choice.
        if let index = state.items.firstIndex(of: .field(field)) { state.focus = index }
    }

    // MARK: Editing

    static func currentText(_ state: WizardState) -> String {
        state.focusedItem.flatMap { state.editableText($0) } ?? ""
    }

    /// Applies an edit to the focused text field. Secrets are edited at the end only: their
    /// text is never shown, so a cursor inside them would be editing blind.
    static func edit(_ state: inout WizardState, _ change: (inout String, inout Int) -> Void) {
        guard let item = state.focusedItem, var value = state.editableText(item) else { return }
        var cursor = min(state.cursor, value.count)
        if let f = item.field, FieldCatalog.field(f).isSecret { cursor = value.count }
        change(&value, &cursor)
        state.cursor = cursor
        store(&state, item, value)
    }

    static func store(_ state: inout WizardState, _ item: StepItem, _ value: String) {
        switch item {
        case .field(let f):
            state.config.set(f, value)
            state.touched.insert(f)
            state.fieldNotices[f] = nil
            if f == .initialClaimName || f == .initialClaimValue { state.claimConfirmed = false }
            if let c = f.component, f == .clientSecret(c) { state.secretReferences[c] = nil }
        case .outputDirectory:
            state.outputDirectory = value
            state.existingFiles = nil
            state.existingFates = [:]
            state.writeOutcome = nil
        case .loadPath:
            state.loadPath = value
        default:
            break
        }
    }

    /// What a change of version does to the answers: every answer is kept, but some are no longer
    /// written (a component or question the version lacks) and some questions are new.
    static func versionChange(from old: Configuration, to new: Configuration) -> [String] {
        var notes: [String] = []
        let v = "Camunda \(new.version.rawValue)"
        // Into the Orchestration-cluster model (8.5-8.7 -> 8.8+): one app replaces three; say what carries over.
        let intoCluster = !old.profile.components.contains(.orchestration) && new.profile.components.contains(.orchestration)
        if intoCluster {
            let replaced = [Component.operate, .tasklist, .zeebe].filter(old.isSelected).map(\.displayName)
            let asked = [(FieldID.componentURL(.orchestration), "URL"), (.clientID(.orchestration), "client ID"),
                         (.clientSecret(.orchestration), "secret"), (.audience(.orchestration), "audience")]
                .filter { new.applies($0.0) && new.value($0.0).isEmpty && new.spec($0.0).derivation(new.provider) == nil }.map(\.1)
            notes.append("\(v) runs \((replaced.isEmpty ? ["Operate", "Tasklist", "Zeebe"] : replaced).joined(separator: ", ")) as one Orchestration cluster: one new app"
                         + (asked.isEmpty ? "" : " (its \(asked.joined(separator: ", ")) are new answers)") + "; their old answers are kept, not written.")
            let carried = new.components.filter { $0 != .orchestration && old.isSelected($0) }.map(new.profile.name(of:))
            notes.append("Carried over: the provider and endpoints" + (carried.isEmpty ? "" : ", " + carried.joined(separator: ", "))
                         + (new.applies(.initialClaimValue) && !old.raw(.initialClaimValue).isEmpty ? ", the initial claim; the cluster's admins default to it (see the admins step)." : "."))
        }
        for c in Component.allCases where old.isSelected(c) && !new.profile.components.contains(c) {
            if intoCluster, [.operate, .tasklist, .zeebe].contains(c) { continue }
            notes.append("\(v) has no \(c.displayName): its answers are kept, but not written.")
        }
        let dropped = old.applicableFields.filter { !new.applies($0) && !old.raw($0).isEmpty && ($0.component.map(new.isSelected) ?? true) }
        // A question the version still has, behind a choice (Connectors with an app of their own), is not gone.
        let gone = dropped.filter { !new.profile.asks($0) }, behindChoice = dropped.filter { new.profile.asks($0) }
        if !gone.isEmpty {
            notes.append("No longer asked in \(v) (kept, not written): " + gone.map { old.spec($0).label }.joined(separator: ", ") + ".")
        }
        if !behindChoice.isEmpty {
            notes.append("Kept behind a choice: " + behindChoice.map { old.spec($0).label }.joined(separator: ", ") + ".")
        }
        let added = new.applicableFields.filter { !old.applies($0) && new.value($0).isEmpty && new.spec($0).kind != .choice }
            .filter { !(intoCluster && $0.component == .orchestration) && new.spec($0).derivation(new.provider) == nil }
        if !added.isEmpty {
            notes.append("New in \(v): " + added.map { new.spec($0).label }.joined(separator: ", ") + ".")
        }
        if notes.isEmpty { notes.append("Every answer still applies in \(v).") }
        return notes
    }

    static func setField(_ state: inout WizardState, _ field: FieldID, _ value: String) {
        if FieldCatalog.field(field).kind == .choice {
            choose(&state, field, value)
            return
        }
        store(&state, .field(field), value)
        if state.focusedField == field { state.cursor = value.count }
    }

    /// What the terminal layer puts where a byte was not UTF-8.
    static let notUTF8: Unicode.Scalar = "\u{FFFD}"

    /// An error next to the focused field, or in the notice line when the focus is not on a field.
    static func refuseInFocusedField(_ state: inout WizardState, _ message: String) {
        if let field = state.focusedItem?.field {
            state.fieldNotices[field] = FieldNotice(severity: .error, message: message)
        } else {
            state.notice = message
        }
    }

    static func paste(_ state: inout WizardState, _ text: String) {
        guard let item = state.focusedItem, state.editableText(item) != nil else {
            state.notice = "Paste goes into a text field: move to one with Tab first."
            return
        }
        let field = item.field
        func refuse(_ message: String) { refuseInFocusedField(&state, message) }
        let trimmed = text.trimmingWhitespace()
        if text.utf8.count > maximumPaste {
            refuse("Paste refused: \(text.utf8.count) bytes is more than any value here needs; nothing was pasted.")
            return
        }
        if text.unicodeScalars.contains(notUTF8) {
            refuse("Paste refused: it holds bytes that are not UTF-8 text (shown as \(notUTF8)); nothing was pasted. Copy it again from a UTF-8 source.")
            return
        }
        if let bad = trimmed.unicodeScalars.first(where: Validator.isControl) {
            let what = bad == "\n" || bad == "\r" ? "a line break" : bad == "\t" ? "a tab" : "a control character"
            refuse("Paste refused: it contains \(what) inside; nothing was pasted.")
            return
        }
        edit(&state) { value, cursor in
            value.insert(contentsOf: trimmed, at: value.index(value.startIndex, offsetBy: cursor))
            cursor += trimmed.count
        }
        if trimmed != text, let field {
            state.fieldNotices[field] = FieldNotice(severity: .warning, message: "Surrounding whitespace was trimmed from the paste.")
        }
    }
}
