import Foundation
import PerformaStore

struct LoginView: Sendable {
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct DemoAccount: Sendable {
        var username: String
        var password: String
        var role: String
        var name: String
    }

    let page: PageChrome
    let organizations: [Option]
    let singleOrganization: String?
    let username: String
    let target: String
    let error: String?
    let demoAccounts: [DemoAccount]
    var hasDemoAccounts: Bool = false
    /// «Accedi con …»: the single sign-on button's provider and address, when configured.
    var signOnProvider: String? = nil
    var signOnAddress: String? = nil
    /// False when single sign-on is the only way in (`PERFORMA_LOCAL_PASSWORDS=off`): no password form.
    var passwordsAllowed: Bool = true
}
