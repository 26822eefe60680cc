/// Everything that differs between Camunda versions, as data: the components offered, the
/// questions asked (and how they are worded), the output tables, the checklist's entries and the
/// switches of the rules. One value per version, each in its own file (Camunda85.swift,
/// Camunda86.swift, Camunda87.swift); renderers, importers, validation and the wizard read it
/// through `Configuration.profile` and never test a version number. Adding a version is adding a
/// file with its profile and a case to `CamundaVersion`.
public struct VersionProfile: Sendable {
    public let version: CamundaVersion
    /// The Helm chart line of the version: `12.x`.
    public let chartLine: String
    /// One line for the version question: what sets this version apart.
    public let summary: String
    /// The components the version offers, in the order they are asked and written.
    public let components: [Component]
    /// Catalog fields this version does not ask (fields of components it lacks are not asked anyway).
    public let notAsked: Set<FieldID>
    /// Fields this version words differently from the catalog.
    public let rewording: [FieldID: Rewording]
    /// The env files, config files and Helm keys it writes.
    public let layout: OutputLayout
    /// Output formats in which outbound-only Connectors get no client of their own
    /// (8.5: env only; from 8.6 the Helm overlay leaves their block out too).
    public let outboundConnectorsWithoutClient: Set<OutputFormat>
    /// Web Modeler is registered as two apps, UI and API (8.7).
    public let webModelerHasAPIApp: Bool
    /// Components the chart leaves switched off unless the operator turns them on (the checklist says so).
    public let offByDefault: [Component]
    /// Lines the checklist adds under a component, beyond what the catalog and layout say.
    public let checklistNotes: [ChecklistNote]
    /// The component list's one-line summary where the version differs from `Component.summary`.
    public let componentSummaries: [Component: String]

    init(version: CamundaVersion, chartLine: String, summary: String, components: [Component], notAsked: [FieldID] = [],
         rewording: [FieldID: Rewording] = [:], layout: OutputLayout, outboundConnectorsWithoutClient: Set<OutputFormat>,
         webModelerHasAPIApp: Bool = false, offByDefault: [Component] = [], checklistNotes: [ChecklistNote] = [],
         componentSummaries: [Component: String] = [:]) {
        self.componentSummaries = componentSummaries
        self.version = version
        self.chartLine = chartLine
        self.summary = summary
        self.components = components
        self.notAsked = Set(notAsked)
        self.rewording = rewording
        self.layout = layout
        self.outboundConnectorsWithoutClient = outboundConnectorsWithoutClient
        self.webModelerHasAPIApp = webModelerHasAPIApp
        self.offByDefault = offByDefault
        self.checklistNotes = checklistNotes
    }

    /// One line on what a component is, as this version has it.
    public func summary(of component: Component) -> String {
        componentSummaries[component] ?? component.summary
    }

    /// Whether the version asks the field at all (before provider, format and selection decide).
    public func asks(_ field: FieldID) -> Bool {
        if notAsked.contains(field) { return false }
        if let c = field.component { return components.contains(c) }
        return true
    }

    /// The versions, other than this one, that ask a field or offer a component: for messages
    /// such as "Console is not part of Camunda 8.5 (it is in 8.6, 8.7)".
    public func otherVersions(asking field: FieldID) -> [CamundaVersion] {
        CamundaVersion.allCases.filter { $0 != version && $0.profile.asks(field) }
    }
}

/// A line of the registration checklist that only some versions, providers or formats need.
public struct ChecklistNote: Sendable {
    /// The component whose section it goes in.
    public let component: Component
    public let condition: Condition
    public let text: String

    public init(_ component: Component, when condition: Condition = .always, _ text: String) {
        self.component = component
        self.condition = condition
        self.text = text
    }
}

/// Another wording of a catalog field for one version (nil keeps the catalog's text). Plain text,
/// so that a profile never needs the catalog to be built.
public struct Rewording: Sendable {
    public var label: String?
    public var what: String?
    public var whereGeneric: String?
    public var whereEntra: String?
    public var mistake: String?

    public init(label: String? = nil, what: String? = nil, whereGeneric: String? = nil, whereEntra: String? = nil, mistake: String? = nil) {
        self.label = label
        self.what = what
        self.whereGeneric = whereGeneric
        self.whereEntra = whereEntra
        self.mistake = mistake
    }
}
