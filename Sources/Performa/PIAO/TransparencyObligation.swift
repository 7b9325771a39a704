/// A line of the transparency obligations table (D.Lgs. 33/2013, Allegato 1 to ANAC delibera 1310/2016): what is
/// published in which section of *Amministrazione Trasparente*, by which office, how often it is updated.
public struct TransparencyObligation: Codable, Hashable, Sendable {
    /// Section and subsection of Amministrazione Trasparente (`Bandi di gara e contratti`).
    public var section: String
    public var subsection: String?
    /// What is published.
    public var content: String
    /// Legal reference (`art. 37 D.Lgs. 33/2013`).
    public var reference: String?
    /// Unit id responsible for the data (elaborazione e trasmissione).
    public var office: String?
    /// Manager id responsible for publication.
    public var owner: String?
    public var update: UpdateFrequency

    public init(section: String, content: String, update: UpdateFrequency) {
        self.section = section
        self.content = content
        self.update = update
    }

    public enum UpdateFrequency: String, Codable, Hashable, Sendable, CaseIterable {
        case timely, quarterly, halfYearly, yearly
        public var italian: String {
            switch self {
            case .timely: return "tempestivo"
            case .quarterly: return "trimestrale"
            case .halfYearly: return "semestrale"
            case .yearly: return "annuale"
            }
        }
    }
}
