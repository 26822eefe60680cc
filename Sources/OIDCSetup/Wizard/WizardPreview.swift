extension WizardState {
    /// The mask shown for a secret in the preview: fixed width, so not even the length shows.
    public static let secretMask = "••••••••"

    /// The output files as the preview shows them: secrets masked unless revealed.
    /// Masking renders with stand-in secrets, so the file layout is exactly the real one.
    public func previewFiles(revealed: Bool) throws -> [OutputFile] {
        if revealed { return try mergedOutputFiles() }
        var masked = self
        var standIns: [(String, String)] = []
        for (index, c) in config.components.filter(\.hasSecret).enumerated() {
            let standIn = "CAMUNDAOIDCMASKEDSECRET\(index)X"
            masked.config.set(.clientSecret(c), standIn)
            standIns.append((standIn, Self.secretMask))
        }
        return try masked.mergedOutputFiles().map { file in
            var contents = file.contents
            for (standIn, mask) in standIns { contents = contents.replacingAll(standIn, with: mask) }
            return OutputFile(name: file.name, kind: file.kind, contents: contents, holdsSecret: file.holdsSecret)
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation in the core).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard let first = target.first else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index] == first, self[index...].hasPrefix(target) {
                return index..<self.index(index, offsetBy: target.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
