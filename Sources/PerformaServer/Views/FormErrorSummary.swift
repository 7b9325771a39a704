/// The summary at the top of a refused form, as Bootstrap Italia's danger alert: every error of the form at once,
/// each a link to its field. The page gives it the focus after a failed submit (`autofocus` on an element with
/// `tabindex="-1"`, which needs no script; `static/forms.js` repeats it where a browser ignores autofocus), so that a
/// keyboard or screen-reader user starts from the list of what to correct. Rendered by `partial-errori`.
struct FormErrorSummary: Sendable {
    struct Item: Sendable {
        var message: String
        /// `#id` of the field the message is about; nil for an error of the whole form.
        var href: String?
    }

    var heading: String
    var items: [Item]

    /// A summary of `items`, or nil when there is nothing to correct. `outcome` says what happened to the
    /// submission (by default nothing was saved).
    init?(_ items: [Item], outcome: String = "nulla è stato salvato") {
        guard !items.isEmpty else { return nil }
        self.items = items
        heading = (items.count == 1 ? "Il modulo contiene un errore" : "Il modulo contiene \(items.count) errori") + ": \(outcome)."
    }
}
