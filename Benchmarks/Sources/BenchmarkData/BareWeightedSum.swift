import Performa
import PerformaBulk

/// The reference the compiled roll-up is held to ("within 4×"): the same weighted sums over the same
/// columns — indicator weights × values into objectives, objectives into strategic objectives (with the
/// split), areas and organizations — and nothing else: no target rule, no policy, no status, no
/// re-normalisation, no override, no managers. It computes nothing meaningful; it measures the memory
/// traffic and arithmetic any roll-up of these arrays must pay.
public struct BareWeightedSum: Sendable {
    private var groupMeans: [Double]
    private var strategicMeans: [Double]
    private var areaMeans: [Double]
    private var organizationMeans: [Double]

    public init(for rollUp: CompiledRollUp) {
        groupMeans = Array(repeating: 0, count: rollUp.groups.key.count)
        strategicMeans = Array(repeating: 0, count: rollUp.strategics.key.count)
        areaMeans = Array(repeating: 0, count: rollUp.areas.code.count)
        organizationMeans = Array(repeating: 0, count: rollUp.organizationCount)
    }

    /// Runs the sums and returns a checksum (so that no work can be optimised away).
    public mutating func run(_ rollUp: CompiledRollUp) -> Double {
        let weight = rollUp.indicators.weight, value = rollUp.indicators.value, indicatorStart = rollUp.groups.indicatorStart
        let groupWeight = rollUp.groups.weight
        groupMeans.withUnsafeMutableBufferPointer { means in
            for g in means.indices {
                var weighted = 0.0, total = 0.0
                for i in Int(indicatorStart[g])..<Int(indicatorStart[g + 1]) {
                    weighted += weight[i] * value[i]
                    total += weight[i]
                }
                means[g] = weighted / total
            }
        }
        let strategics = rollUp.strategics
        let groups = groupMeans
        strategicMeans.withUnsafeMutableBufferPointer { means in
            for s in means.indices {
                let own = Int(strategics.ownGroup[s])
                var weighted = 0.0, total = 0.0
                for g in (own + 1)..<Int(strategics.operationalEnd[s]) {
                    weighted += groupWeight[g] * groups[g]
                    total += groupWeight[g]
                }
                let operational = weighted / total
                means[s] = (strategics.operationalShare[s] * operational + strategics.ownShare[s] * groups[own])
                    / (strategics.operationalShare[s] + strategics.ownShare[s])
            }
        }
        let areas = rollUp.areas
        let strategicValues = strategicMeans
        areaMeans.withUnsafeMutableBufferPointer { means in
            for a in means.indices {
                var weighted = 0.0, total = 0.0
                for s in Int(areas.strategicStart[a])..<Int(areas.strategicStart[a + 1]) {
                    weighted += strategics.weight[s] * strategicValues[s]
                    total += strategics.weight[s]
                }
                means[a] = weighted / total
            }
        }
        let organizations = rollUp.organizations
        let areaValues = areaMeans
        var checksum = 0.0
        organizationMeans.withUnsafeMutableBufferPointer { means in
            for o in means.indices {
                var weighted = 0.0, total = 0.0
                for a in Int(organizations.areaStart[o])..<Int(organizations.areaStart[o + 1]) {
                    weighted += areas.weight[a] * areaValues[a]
                    total += areas.weight[a]
                }
                means[o] = weighted / total
                checksum += total
            }
        }
        return checksum
    }
}
