import Performa

/// The levels above the indicators — strategic objectives, areas, organizations, special agencies and
/// managers — scored over columns lent as buffers by a `LevelPass` for the duration of a pass, as
/// `IndicatorKernel` does for the indicators: no bounds checks, and no reloads or uniqueness checks on every
/// access as in a mutating method of the roll-up. It reads the groups' results and writes the other levels'
/// through `KernelOutput`s, so that a child task of the parallel roll-up can score into buffers of its own.
struct LevelKernel {
    let groups: GroupResults
    let strategics: StrategicColumns
    let areas: AreaColumns
    let organizations: OrganizationColumns
    let agencies: AgencyColumns
    let managers: ManagerColumns

    /// Strategic objectives, areas, the organization, its agencies and its managers.
    @inline(__always)
    func scoreAboveGroups(_ o: Int) {
        for s in organizations.strategics(o) { scoreStrategic(s) }
        for a in organizations.areas(o) { scoreArea(a) }
        scoreOrganization(o)
        for a in organizations.agencies(o) { scoreAgency(a) }
        for m in organizations.managers(o) { scoreManager(m) }
    }

    /// Own indicators' share and operational objectives' share, by the objective's split.
    func scoreStrategic(_ s: Int) {
        let ownGroup = Int(strategics.ownGroup[s])
        var operational = WeightedMean()
        for g in (ownGroup + 1)..<Int(strategics.operationalEnd[s]) { groups.add(g, weight: groups.weight[g], to: &operational) }
        (strategics.score[s], strategics.status[s]) = WeightedMean.split(
            operationalShare: strategics.operationalShare[s], operational: operational.outcome(),
            ownShare: strategics.ownShare[s], own: (groups.score[ownGroup], groups.status[ownGroup]))
    }

    func scoreArea(_ a: Int) {
        var mean = WeightedMean()
        for s in Int(areas.strategicStart[a])..<Int(areas.strategicStart[a + 1]) { strategics.add(s, weight: strategics.weight[s], to: &mean) }
        (areas.score[a], areas.status[a]) = mean.outcome()
    }

    func scoreOrganization(_ o: Int) {
        var mean = WeightedMean()
        for a in organizations.areas(o) {
            mean.add(weight: areas.weight[a], computed: areas.score[a], override: .nan, status: areas.status[a])
        }
        (organizations.score[o], organizations.status[o]) = mean.outcome()
    }

    func scoreAgency(_ a: Int) {
        var mean = WeightedMean()
        for g in Int(agencies.groupStart[a])..<Int(agencies.groupEnd[a]) { groups.add(g, weight: groups.weight[g], to: &mean) }
        (agencies.score[a], agencies.status[a]) = mean.outcome()
    }

    /// The assignment table's weights over the final achievement of each assigned objective. Groups and strategic
    /// objectives interleave in code order, so the column an objective is read from is chosen by a select rather
    /// than a branch (which mispredicted on about one assignment in four).
    func scoreManager(_ m: Int) {
        var mean = WeightedMean()
        for n in Int(managers.assignmentStart[m])..<Int(managers.assignmentStart[m + 1]) {
            let objective = managers.assignmentObjective[n], weight = managers.assignmentWeight[n]
            if objective == CompiledManagers.unknownObjective {
                mean.add(weight: weight, computed: .nan, override: .nan, status: ScoreStatus.notApplicable.compiledCode)
                continue
            }
            let isGroup = objective >= 0, index = Int(isGroup ? objective : ~objective)
            let score = isGroup ? groups.score : strategics.score, status = isGroup ? groups.status : strategics.status
            let override = isGroup ? groups.override : strategics.override
            mean.add(weight: weight, computed: score[index], override: override[index], status: status[index])
        }
        (managers.score[m], managers.status[m]) = mean.outcome()
    }
}

// The columns each level reads, and writes (its own score and status), as buffers.

struct GroupResults {
    let weight: UnsafeBufferPointer<Double>
    let override: UnsafeBufferPointer<Double>
    let score: KernelOutput<Double>
    let status: KernelOutput<UInt8>

    /// Group `g` as a part of a mean, with `weight` (its own in its parent, or a manager's assignment weight).
    @inline(__always)
    func add(_ g: Int, weight: Double, to mean: inout WeightedMean) {
        mean.add(weight: weight, computed: score[g], override: override[g], status: status[g])
    }
}

struct StrategicColumns {
    let ownGroup: UnsafeBufferPointer<Int32>
    let operationalEnd: UnsafeBufferPointer<Int32>
    let operationalShare: UnsafeBufferPointer<Double>
    let ownShare: UnsafeBufferPointer<Double>
    let weight: UnsafeBufferPointer<Double>
    let override: UnsafeBufferPointer<Double>
    let score: KernelOutput<Double>
    let status: KernelOutput<UInt8>

    /// Strategic objective `s` as a part of a mean, with `weight` (its own in its area, or an assignment weight).
    @inline(__always)
    func add(_ s: Int, weight: Double, to mean: inout WeightedMean) {
        mean.add(weight: weight, computed: score[s], override: override[s], status: status[s])
    }
}

struct AreaColumns {
    let strategicStart: UnsafeBufferPointer<Int32>
    let weight: UnsafeBufferPointer<Double>
    let score: KernelOutput<Double>
    let status: KernelOutput<UInt8>
}

struct OrganizationColumns {
    let areaStart: UnsafeBufferPointer<Int32>
    let strategicStart: UnsafeBufferPointer<Int32>
    let agencyStart: UnsafeBufferPointer<Int32>
    let managerStart: UnsafeBufferPointer<Int32>
    let score: KernelOutput<Double>
    let status: KernelOutput<UInt8>

    @inline(__always) func areas(_ o: Int) -> Range<Int> { Int(areaStart[o])..<Int(areaStart[o + 1]) }
    @inline(__always) func strategics(_ o: Int) -> Range<Int> { Int(strategicStart[o])..<Int(strategicStart[o + 1]) }
    @inline(__always) func agencies(_ o: Int) -> Range<Int> { Int(agencyStart[o])..<Int(agencyStart[o + 1]) }
    @inline(__always) func managers(_ o: Int) -> Range<Int> { Int(managerStart[o])..<Int(managerStart[o + 1]) }
}

struct AgencyColumns {
    let groupStart: UnsafeBufferPointer<Int32>
    let groupEnd: UnsafeBufferPointer<Int32>
    let score: KernelOutput<Double>
    let status: KernelOutput<UInt8>
}

struct ManagerColumns {
    let assignmentStart: UnsafeBufferPointer<Int32>
    let assignmentObjective: UnsafeBufferPointer<Int32>
    let assignmentWeight: UnsafeBufferPointer<Double>
    let score: KernelOutput<Double>
    let status: KernelOutput<UInt8>
}
