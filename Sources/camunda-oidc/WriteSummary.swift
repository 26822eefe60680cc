#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import OIDCSetup

/// What was written and what to do next; never shows a secret.
enum WriteSummary {
    static func text(_ written: [OutputWriter.Written], config: Configuration, directory: String? = nil) -> String {
        let changed = written.filter { !$0.unchanged }
        var lines: [String] = []
        if let directory, let target = symlinkTarget(directory) {
            // Followed, as `cd` would; said, since the files are not where the path seems to point.
            lines.append("Note: \(directory) is a symbolic link; the files are in \(target).")
        }
        lines += [changed.isEmpty ? "Wrote no file: each already held exactly this." : "Wrote \(changed.count) file\(changed.count == 1 ? "" : "s"):"]
        for file in changed {
            lines.append("  \(file.path) (mode 0\(String(file.mode, radix: 8)))" + (file.backup.map { ", previous kept as \($0)" } ?? ""))
        }
        let unchanged = written.filter(\.unchanged)
        if !unchanged.isEmpty {
            lines.append("Unchanged, not rewritten: " + unchanged.map { $0.path.lastPathComponent }.joined(separator: ", "))
        }
        lines.append("Next:")
        let checklist = written.first { $0.path.hasSuffix(OutputRenderer.checklistFileName) }?.path ?? OutputRenderer.checklistFileName
        lines.append("  1. Register the applications: \(checklist)")
        switch config.output {
        case .env:
            lines.append("  2. Give each container its env file (docker compose: env_file: <component>.env) and restart it.")
        case .helm:
            let values = written.first { $0.path.hasSuffix(OutputRenderer.helmValuesFileName) }?.path ?? OutputRenderer.helmValuesFileName
            if config.helmSecrets == .kubernetesSecret {
                let manifest = written.first { $0.path.hasSuffix(OutputRenderer.secretManifestFileName) }?.path ?? OutputRenderer.secretManifestFileName
                lines.append("  2. kubectl apply -n <namespace> -f \(manifest)")
                lines.append("  3. helm upgrade --install <release> camunda/camunda-platform --version \(config.version.chartLine) -n <namespace> -f values.yaml -f \(values)")
            } else {
                lines.append("  2. helm upgrade --install <release> camunda/camunda-platform --version \(config.version.chartLine) -n <namespace> -f values.yaml -f \(values)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where a directory given as a symbolic link really is, or nil when it is no link.
    static func symlinkTarget(_ path: String) -> String? {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        var info = stat()
        guard lstat(trimmed, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(trimmed, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
