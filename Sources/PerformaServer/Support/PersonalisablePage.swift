import PerformaReports

/// A whole page rendered once with markers where the signed-in user's name, role and CSRF token go, and cut at
/// the markers: serving it to a user is joining the pieces with that user's values, HTML-escaped as Mustache
/// escapes them (the same five characters, `XMLText.escape`). For pages whose every other part depends only on
/// the data (`PlanSnapshot.fragment` keeps it per data version and checkpoint); a page with notices is rendered
/// in full instead.
struct PersonalisablePage: Sendable {
    enum Slot: Int, CaseIterable, Sendable {
        case userName, userRole, userLinks, csrf

        /// Private-use characters around a secret of this process and the slot number: HTML escaping leaves them
        /// alone, and no text entered into a plan can pass for a slot without knowing the secret.
        var marker: String { "\u{E000}\(PersonalisablePage.secret)\(rawValue)\u{E000}" }
    }

    private static let secret = RandomToken.make(bytes: 12)

    private let pieces: [String]
    private let slots: [Slot]

    /// Renders `template` for `chrome` with markers in the user's place; nil when the page holds U+E000 other than in
    /// a marker (data holding one) or a slot is missing: the caller then renders the page in full.
    init?(_ renderer: PageRenderer, _ template: String, chrome: PageChrome, view: (PageChrome) -> Any) throws {
        var marked = chrome
        marked.user = PageChrome.UserHeading(name: Slot.userName.marker, role: Slot.userRole.marker, linksHTML: Slot.userLinks.marker)
        marked.csrf = Slot.csrf.marker
        marked.notices = []
        let html = try renderer.render(template, view(marked))
        var pieces: [String] = [], slots: [Slot] = []
        var rest = Substring(html)
        while let start = rest.firstIndex(of: "\u{E000}") {
            let afterStart = rest.index(after: start)
            guard let end = rest[afterStart...].firstIndex(of: "\u{E000}"), rest[afterStart..<end].hasPrefix(Self.secret),
                  let number = Int(rest[afterStart..<end].dropFirst(Self.secret.count)), let slot = Slot(rawValue: number) else { return nil }
            pieces.append(String(rest[..<start]))
            slots.append(slot)
            rest = rest[rest.index(after: end)...]
        }
        pieces.append(String(rest))
        guard Set(slots) == Set(Slot.allCases) else { return nil }
        self.pieces = pieces
        self.slots = slots
    }

    /// The page for one user.
    func html(for user: PageChrome.UserHeading, csrf: String) -> String {
        var html = pieces[0]
        html.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count } + 256)
        for (slot, piece) in zip(slots, pieces.dropFirst()) {
            switch slot {
            case .userName: html += XMLText.escape(user.name)
            case .userRole: html += XMLText.escape(user.role)
            case .userLinks: html += user.linksHTML
            case .csrf: html += XMLText.escape(csrf)
            }
            html += piece
        }
        return html
    }
}
