import Performa

extension CompiledRollUp {
    /// Scores everything from scratch: every indicator against its target under its organization's
    /// policy, then every objective, area, organization, agency and manager.
    public mutating func rollUp() {
        let pass = IndicatorPass(self), all = 0..<organizationCount
        withIndicatorKernel(pass) { kernel in pass.scoreGroups(of: all, kernel: kernel) }
        scoreAboveGroups(of: all)
    }

    /// Every node of one organization, bottom-up.
    mutating func scoreOrganization(_ o: Int) {
        let policy = policies[Int(organizations.policy[o])]
        let groupRange = Int(organizations.groupStart[o])..<Int(organizations.groupStart[o + 1])
        withIndicatorKernel(IndicatorPass(self)) { kernel in
            for g in groupRange { kernel.scoreGroup(g, policy: policy) }
        }
        withLevelKernel { $0.scoreAboveGroups(o) }
    }

    /// One group's indicators and the group.
    mutating func scoreGroup(_ g: Int, policy: PreparedPolicy) {
        withIndicatorKernel(IndicatorPass(self)) { $0.scoreGroup(g, policy: policy) }
    }

    /// The strategic objectives, areas, agencies and managers of the organizations `organizations`, and the
    /// organizations, from their groups' scores.
    mutating func scoreAboveGroups(of organizations: Range<Int>) {
        withLevelKernel { kernel in
            for o in organizations { kernel.scoreAboveGroups(o) }
        }
    }

    /// `pass`'s kernel writing into this roll-up's own indicator and group results.
    private mutating func withIndicatorKernel(_ pass: IndicatorPass, _ body: (IndicatorKernel) -> Void) {
        indicators.score.withUnsafeMutableBufferPointer { score in
            indicators.status.withUnsafeMutableBufferPointer { status in
                groups.score.withUnsafeMutableBufferPointer { groupScore in
                    groups.status.withUnsafeMutableBufferPointer { groupStatus in
                        pass.withKernel(score: KernelOutput(score), status: KernelOutput(status), groupScore: KernelOutput(groupScore),
                                        groupStatus: KernelOutput(groupStatus), body)
                    }
                }
            }
        }
    }
}
