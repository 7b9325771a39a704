/// Risorse finanziarie: an amount per year on an account (conto, linea, progetto) and a budget centre.
public struct BudgetLine: Codable, Hashable, Sendable {
    /// The account column as printed (`Conto 330001 Linea 001 "azioni ed interventi …", punto 6 progetto 8 …`).
    public var account: String?
    /// Account number alone (`330001`) when the text gives one.
    public var accountCode: String?
    /// Budget centre (`B002`, `C002`, `D099`) as printed, with any words after it.
    public var budgetCentre: String?
    /// PIRA code (Piano degli indicatori e dei risultati attesi di bilancio).
    public var pira: String?
    public var amounts: [YearAmount]
    public init(account: String? = nil, accountCode: String? = nil, budgetCentre: String? = nil, amounts: [YearAmount]) {
        self.account = account
        self.accountCode = accountCode
        self.budgetCentre = budgetCentre
        self.amounts = amounts
    }
}

public struct YearAmount: Codable, Hashable, Sendable {
    public var year: Int
    public var amount: Amount
    public init(year: Int, amount: Amount) {
        self.year = year
        self.amount = amount
    }
}
