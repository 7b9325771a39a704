/// Shares an amount of cents in proportion to weights so that the shares add up to the amount exactly
/// (the largest-remainder method): each share is first rounded down, then the cents left over go one each to the
/// largest remainders; equal remainders go first to the smaller key (person id), so the result is reproducible.
public enum LargestRemainder {
    /// - Returns: one share per weight, in the order given; all zero when no weight is positive.
    public static func shares(of cents: Int64, weights: [Double], keys: [String]) -> [Int64] {
        precondition(weights.count == keys.count)
        let total = weights.reduce(0) { $0 + max($1, 0) }
        guard cents > 0, total > 0 else { return Array(repeating: 0, count: weights.count) }
        var shares: [Int64] = []
        var remainders: [(index: Int, remainder: Double)] = []
        shares.reserveCapacity(weights.count)
        for (index, weight) in weights.enumerated() {
            let exact = Double(cents) * max(weight, 0) / total
            let floor = Int64(exact.rounded(.down))
            shares.append(floor)
            if weight > 0 { remainders.append((index, exact - Double(floor))) }
        }
        var left = cents - shares.reduce(0, +)
        // Floating error can leave the floors one cent over the amount: take it back from the smallest remainders.
        if left < 0 {
            for entry in remainders.sorted(by: { ($0.remainder, keys[$1.index]) < ($1.remainder, keys[$0.index]) }) where left < 0 && shares[entry.index] > 0 {
                shares[entry.index] -= 1
                left += 1
            }
        }
        let order = remainders.sorted { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : keys[$0.index] < keys[$1.index] }
        var position = 0
        while left > 0, !order.isEmpty {
            shares[order[position % order.count].index] += 1
            left -= 1
            position += 1
        }
        return shares
    }
}
