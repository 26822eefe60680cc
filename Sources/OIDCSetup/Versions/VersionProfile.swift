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
    /// Lines the checklist adds to its Deploy section (what the operator's own values or compose file must hold).
    public let deployNotes: [ChecklistNote]
    /// Components that must be deployed, with the reason (8.5-8.7: Identity; 8.8: the Orchestration cluster).
    public let requiredComponents: [(Component, String)]
    /// Components always deployed: not offered for unticking (the Orchestration cluster).
    public let alwaysDeployed: Set<Component>
    /// Which component needs which other one, with the reason shown to the user.
    public let dependencies: [ComponentDependency]
    /// How the Helm overlay writes a secret (8.8 and later: the `secret` object).
    public let helmSecretForm: HelmSecretForm
    /// The component Web Modeler's cluster block describes (8.7: Zeebe; 8.8: the Orchestration cluster).
    public let clusterComponent: Component
    /// Global fields that apply only when Management Identity is deployed (8.8: it is optional).
    public let onlyWithIdentity: Set<FieldID>
    /// Fields env output uses only in Management Identity's and its dependants' files (8.8: the
    /// issuer; the cluster takes its endpoints one by one).
    public let envOnlyWithIdentity: Set<FieldID>
    /// Defaults of this version that differ from the catalog's (8.8 compose names the cluster `orchestration`).
    public let defaults: [FieldID: String]
    /// Component names of this version that differ from the catalog's (8.8: "Management Identity").
    public let componentNames: [Component: String]

    /// The component's name in this version.
    public func name(of component: Component) -> String { componentNames[component] ?? component.displayName }
    /// The component list's one-line summary where the version differs from `Component.summary`.
    public let componentSummaries: [Component: String]

    init(version: CamundaVersion, chartLine: String, summary: String, components: [Component], notAsked: [FieldID] = [],
         rewording: [FieldID: Rewording] = [:], layout: OutputLayout, outboundConnectorsWithoutClient: Set<OutputFormat>,
         webModelerHasAPIApp: Bool = false, offByDefault: [Component] = [], checklistNotes: [ChecklistNote] = [],
         deployNotes: [ChecklistNote] = [],
         requiredComponents: [(Component, String)]? = nil, alwaysDeployed: Set<Component> = [],
         dependencies: [ComponentDependency]? = nil, helmSecretForm: HelmSecretForm = .existingSecret,
         clusterComponent: Component = .zeebe, onlyWithIdentity: Set<FieldID> = [], envOnlyWithIdentity: Set<FieldID> = [], defaults: [FieldID: String] = [:],
         componentNames: [Component: String] = [:], componentSummaries: [Component: String] = [:]) {
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
        self.deployNotes = deployNotes
        self.requiredComponents = requiredComponents
            ?? [(.identity, "in \(version.rawValue) the Zeebe gateway asks Identity for permissions")]
        self.alwaysDeployed = alwaysDeployed
        self.dependencies = dependencies ?? components.flatMap { c in
            c.requiredComponents.map { ComponentDependency(c, needs: $0.0, $0.1) }
        }
        self.helmSecretForm = helmSecretForm
        self.clusterComponent = clusterComponent
        self.onlyWithIdentity = onlyWithIdentity
        self.envOnlyWithIdentity = envOnlyWithIdentity
        self.defaults = defaults
        self.componentNames = componentNames
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

/// One component needing another (`Console` needs `Identity`), with the reason shown to the user.
public struct ComponentDependency: Sendable {
    public let component: Component
    public let needed: Component
    public let reason: String

    public init(_ component: Component, needs needed: Component, _ reason: String) {
        self.component = component
        self.needed = needed
        self.reason = reason
    }
}

/// How a Helm overlay writes a client secret.
public enum HelmSecretForm: Sendable {
    /// Charts 10.x-12.x: `existingSecret: "<secret>"` or `existingSecret: {name: <Secret>}`.
    case existingSecret
    /// Charts 13.x and later: `secret: {inlineSecret: ...}` or `secret: {existingSecret: <Secret>, existingSecretKey: <key>}`.
    case secretObject
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
