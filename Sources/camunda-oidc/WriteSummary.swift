import OIDCSetup

/// What was written and what to do next; never shows a secret.
enum WriteSummary {
    static func text(_ written: [OutputWriter.Written], config: Configuration) -> String {
        var lines = ["Wrote \(written.count) files:"]
        for file in written {
            lines.append("  \(file.path) (mode 0\(String(file.mode, radix: 8)))" + (file.backup.map { ", previous kept as \($0)" } ?? ""))
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
}
