/// *Il mio profilo*: who the signed-in user is (name, user name, role, organization) and the form to change their own
/// password, with each refused field named.
struct AccountView: Sendable {
    struct Fact: Sendable {
        var label: String
        var value: String
    }

    struct PasswordField: Sendable {
        var name: String
        var label: String
        var autocomplete: String
        var error: String?
        var hint: String?
    }

    var page: PageChrome
    var facts: [Fact]
    var fields: [PasswordField]
    var action: String
    var errorSummary: FormErrorSummary?
    /// The reminders before a collection closes: on or off, and where to change it.
    var reminders: Bool
    var remindersAction: String
}
