/// The field reference that `camunda-oidc fields` prints, generated from the catalog and the
/// output layout: what each field is, where to find it, and which env var / Helm key it becomes.
public enum FieldReference {
    public static func render(provider: Provider?, version: CamundaVersion = .v8_5, width: Int = 100) -> String {
        let providers = provider.map { [$0] } ?? Provider.allCases
        let profile = version.profile
        var out: [String] = []
        out.append("\(ToolInfo.name) \(ToolInfo.version): the questions for \(version.displayName) with "
            + (provider?.displayName ?? "either provider"))
        out.append("Keys are answers-file paths (camunda-oidc generate --answers FILE). Other versions: "
            + CamundaVersion.allCases.filter { $0 != version }.map { "--camunda \($0.rawValue)" }.joined(separator: ", ") + ".")
        var section: Component?? = .none
        // One section per component: FieldID.all asks every URL before any client ID, so group it here.
        let grouped = FieldID.all.filter { $0.component == nil && profile.asks($0) }
            + profile.components.flatMap { c in FieldID.all.filter { $0.component == c && profile.asks($0) } }
        for field in grouped {
            let spec = FieldCatalog.field(field, for: version)
            let usedBy = providers.filter { spec.providers?.contains($0) ?? true }
            guard !usedBy.isEmpty else { continue }
            if section != .some(field.component) {
                section = .some(field.component)
                out.append("")
                if let c = field.component {
                    let split = c == .webModeler && profile.webModelerHasAPIApp
                    out.append("== \(profile.name(of: c))\(split ? " UI" : ""): \(c.applicationType.displayName)" + (c.redirectPath.map { ", redirect URI <URL>\($0)" } ?? "")
                        + (split ? "; Web Modeler API: \(ApplicationType.confidentialWeb.displayName), no redirect URI" : "") + " ==")
                } else {
                    out.append("== Global ==")
                }
            }
            out.append("")
            var tags: [String] = []
            if provider == nil, let only = spec.providers { tags.append(only.map(\.displayName).sorted().joined(separator: ", ") + " only") }
            if let only = spec.formats { tags.append(only.map(\.displayName).sorted().joined(separator: ", ") + " only") }
            if spec.isSecret { tags.append("secret") }
            let requirement = usedBy.allSatisfy { spec.isDerivedOnly($0) } ? "derived" : spec.isRequired ? "required" : "optional"
            tags.insert(requirement, at: 0)
            out.append("\(field.path)  \(spec.label)  [\(tags.joined(separator: "; "))]")
            var body = [spec.what]
            for choice in spec.choices { body.append("\(choice.value): \(choice.label). \(choice.help)") }
            for p in usedBy {
                let prefix = usedBy.count > 1 || provider == nil ? "\(p == .microsoft ? "Entra" : "Generic"): " : ""
                if let place = spec.whereToFind(p), !spec.isDerivedOnly(p) { body.append("Where (\(prefix.isEmpty ? p.displayName : String(prefix.dropLast(2)))): \(place)") }
                if let derived = spec.derivation(p) {
                    body.append("\(spec.isDerivedOnly(p) ? "Derived" : "Default") (\(p == .microsoft ? "Entra" : "Generic")): \(derived)")
                }
            }
            let mistakes = usedBy.compactMap { p in spec.mistake(for: p).map { (p, $0) } }
            if Set(mistakes.map(\.1)).count > 1 {
                for (p, mistake) in mistakes { body.append("Watch out (\(p == .microsoft ? "Entra" : "Generic")): \(mistake)") }
            } else if let mistake = mistakes.first?.1 {
                body.append("Watch out: \(mistake)")
            }
            let destinations = profile.layout.destinations(of: field)
            if !destinations.env.isEmpty { body.append("Env: " + destinations.env.joined(separator: "; ")) }
            if !destinations.helm.isEmpty { body.append("Helm: " + destinations.helm.joined(separator: "; ")) }
            for paragraph in body {
                out += TextWrap.wrap(paragraph, width: width - 4).map { "    " + $0 }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// Greedy word wrapping by character count, for help text in terminals and the field reference.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + String(word)  // String + String: no generic append at run time
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
