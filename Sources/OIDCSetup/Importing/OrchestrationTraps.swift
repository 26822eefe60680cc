/// The traps of Helm values on charts 13.x and 14.x (issue 9, refined by the chart check of
/// camunda-platform-helm 13.12.7 / 14.8.4): values that render without an error yet leave the
/// cluster on basic auth, read a secret as a Secret's name, or let an old block override the new one.
/// `check` and the importers report them as notes on the file.
extension SetupImporter {
    /// The findings, and the key prefixes they cover (the generic "key of another version" note is
    /// not repeated for them).
    func orchestrationTraps(_ root: YAMLTree, file: String) -> (notes: [ImportProblem], covered: [String]) {
        guard version.profile.helmSecretForm == .secretObject else { return ([], []) }
        let chart = "chart \(version.chartLine)"
        let refusesLegacy = version >= .v8_9
        var notes: [ImportProblem] = []
        var covered: [String] = []
        func note(_ node: YAMLTree?, _ message: String, _ severity: Severity) {
            notes.append(ImportProblem(file: file, line: node?.line, message: message, severity: severity))
        }
        func scalar(_ path: String) -> (YAMLTree, String?)? {
            guard let node = root.node(at: path.split(separator: ".").map(String.init)) else { return nil }
            return (node, try? node.scalar(path: path, file: file))
        }

        // 1. The method: the chart's default is basic, and a component's own method wins over the global one.
        let global = "global.security.authentication.method"
        if let (node, method) = scalar(global) {
            if method != "oidc" {
                note(node, "\(global) is '\(method ?? "")': the cluster and Connectors stay on that, not OIDC (set it to oidc)", .error)
            }
        } else {
            note(nil, "\(global) is not set: \(chart) defaults to basic, so the Orchestration cluster and Connectors stay on basic auth without an error (set it to oidc)", .error)
        }
        for component in ["orchestration", "connectors", "webModeler"] {
            let path = "\(component).security.authentication.method"
            if let (node, method) = scalar(path), method != "oidc" {
                note(node, "\(path) is '\(method ?? "")': it wins over \(global), so \(component) is not on OIDC", .error)
                covered.append(path)
            }
        }
        // The cluster's own copies of the endpoints win over global.identity.auth's.
        for key in ["type", "issuer", "authUrl", "tokenUrl", "jwksUrl"] {
            let path = "orchestration.security.authentication.oidc.\(key)"
            guard let (node, value) = scalar(path) else { continue }
            let globalValue = scalar("global.identity.auth.\(key)")?.1
            if value != globalValue {
                note(node, "\(path) ('\(value ?? "")') wins over global.identity.auth.\(key) ('\(globalValue ?? "")') for the cluster: remove it or make them equal", .warning)
            }
            covered.append(path)
        }

        // The switches: Management Identity, Optimize, Web Modeler and Console are off by default, and
        // global.identity.auth.enabled gates the OIDC configuration of the first three: their blocks alone do nothing.
        func isOn(_ path: String) -> Bool { scalar(path)?.1?.lowercased() == "true" }
        let switched = [("identity", "Management Identity"), ("optimize", "Optimize"), ("webModeler", "Web Modeler"), ("console", "Console")]
        for (component, name) in switched where root.node(at: ["global", "identity", "auth", component]) != nil && !isOn("\(component).enabled") {
            note(scalar("\(component).enabled")?.0, "\(component).enabled is not true: \(chart) leaves \(name) off by default, so global.identity.auth.\(component) has no effect (set \(component).enabled: true)", .error)
        }
        let gated = switched.prefix(3).filter { root.node(at: ["global", "identity", "auth", $0.0]) != nil }
        if !gated.isEmpty, !isOn("global.identity.auth.enabled") {
            note(scalar("global.identity.auth.enabled")?.0, "global.identity.auth.enabled is not true: \(chart) defaults it to false, which leaves \(gated.map(\.1).joined(separator: ", ")) without their OIDC configuration (set it to true)", .error)
        }

        // 2. Secrets in the form of charts 10.x-12.x.
        let blocks = ["global.identity.auth.identity", "global.identity.auth.optimize", "global.identity.auth.admin",
                      "orchestration.security.authentication.oidc", "connectors.security.authentication.oidc"]
        for block in blocks {
            for key in ["existingSecret", "existingSecretKey"] {
                let path = "\(block).\(key)"
                guard let node = root.node(at: path.split(separator: ".").map(String.init)) else { continue }
                covered.append(path)
                // Chart 14.x checks the Connectors' keys only while Connectors are enabled.
                let connectorsOff = block.hasPrefix("connectors.") && scalar("connectors.enabled")?.1 == "false"
                if refusesLegacy, connectorsOff {
                    note(node, "\(path): ignored while connectors.enabled is false, but \(chart) refuses it once they are on: remove it", .warning)
                    continue
                }
                if refusesLegacy {
                    note(node, "\(path): \(chart) refuses to render ('The Helm values file key \"\(path)\" has been removed.'); use \(block).secret.{existingSecret, existingSecretKey} or secret.inlineSecret", .error)
                    continue
                }
                guard key == "existingSecret" else {
                    note(node, "\(path) is the form of charts 10.x-12.x: use \(block).secret.existingSecretKey (chart 14.x refuses this key)", .warning)
                    continue
                }
                let newForm = root.node(at: (block + ".secret").split(separator: ".").map(String.init))
                if newForm?.child("existingSecret") != nil && newForm?.child("existingSecretKey") != nil {
                    note(node, "\(path) is ignored by \(chart) because \(block).secret is set; chart 14.x fails on it: remove it", .warning)
                } else if (try? node.scalar(path: path, file: file)) != nil {
                    note(node, "\(path) is a string: \(chart) reads it as the *name* of a Kubernetes Secret (with the old default key), not as the secret; write \(block).secret.inlineSecret, or secret.{existingSecret, existingSecretKey} for a Secret", .error)
                } else {
                    note(node, "\(path) is the form of charts 10.x-12.x: use \(block).secret.{existingSecret, existingSecretKey} (chart 14.x refuses this key)", .warning)
                }
            }
        }

        // 3. Blocks of the old model: merged over the new one (8.8 orchestration/connectors), or read by nothing.
        for component in ["orchestration", "connectors"] {
            let path = "global.identity.auth.\(component)"
            guard let node = root.node(at: path.split(separator: ".").map(String.init)) else { continue }
            covered.append(path)
            if refusesLegacy {
                note(node, "\(path) is ignored by \(chart): remove it (the settings go in \(component).security.authentication.oidc)", .warning)
            } else {
                note(node, "\(path) is merged over \(component).security.authentication.oidc by \(chart) (a client ID there wins over this setup's): remove it", .error)
            }
        }
        for component in ["operate", "tasklist", "zeebe"] {
            let path = "global.identity.auth.\(component)"
            guard let node = root.node(at: path.split(separator: ".").map(String.init)) else { continue }
            covered.append(path)
            note(node, "\(path) has no effect since 8.8 (no template of \(chart) reads it): Zeebe, Operate and Tasklist are one Orchestration cluster, configured in orchestration.security.authentication.oidc; remove it", .warning)
        }
        return (notes, covered)
    }
}
