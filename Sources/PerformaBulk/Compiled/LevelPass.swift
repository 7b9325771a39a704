import Performa

/// What scoring the levels above the groups reads from a `CompiledRollUp` whose results are out (`scoring`): the
/// groups' weights and overrides, and the other levels' columns. Sendable, and cheap to make (the arrays are
/// shared, no element is copied), like `IndicatorPass`.
struct LevelPass: Sendable {
    let groupWeight: [Double]
    let groupOverride: [Double]
    let strategics: CompiledStrategics
    let areas: CompiledAreas
    let organizations: CompiledOrganizations
    let agencies: CompiledAgencies
    let managers: CompiledManagers

    init(_ rollUp: CompiledRollUp) {
        groupWeight = rollUp.groups.weight
        groupOverride = rollUp.groups.override
        strategics = rollUp.strategics
        areas = rollUp.areas
        organizations = rollUp.organizations
        agencies = rollUp.agencies
        managers = rollUp.managers
    }

    /// Lends the columns as buffers, reading the groups' results and writing the other levels' into `scored`, as a
    /// `LevelKernel` for the duration of `body`.
    func withKernel<R>(_ scored: inout ScoredColumns, _ body: (LevelKernel) -> R) -> R {
        scored.groups.withOutputs { groupScore, groupStatus in
            scored.strategics.withOutputs { strategicScore, strategicStatus in
                scored.areas.withOutputs { areaScore, areaStatus in
                    scored.organizations.withOutputs { organizationScore, organizationStatus in
                        scored.agencies.withOutputs { agencyScore, agencyStatus in
                            scored.managers.withOutputs { managerScore, managerStatus in
                                groupWeight.withUnsafeBufferPointer { groupWeight in
                                    groupOverride.withUnsafeBufferPointer { groupOverride in
                                        let groups = GroupResults(weight: groupWeight, override: groupOverride, score: groupScore, status: groupStatus)
                                        return strategics.withColumns(score: strategicScore, status: strategicStatus) { strategics in
                                            areas.withColumns(score: areaScore, status: areaStatus) { areas in
                                                organizations.withColumns(score: organizationScore, status: organizationStatus) { organizations in
                                                    agencies.withColumns(score: agencyScore, status: agencyStatus) { agencies in
                                                        managers.withColumns(score: managerScore, status: managerStatus) { managers in
                                                            body(LevelKernel(groups: groups, strategics: strategics, areas: areas,
                                                                             organizations: organizations, agencies: agencies, managers: managers))
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension CompiledStrategics {
    func withColumns<R>(score: KernelOutput<Double>, status: KernelOutput<UInt8>, _ body: (StrategicColumns) -> R) -> R {
        ownGroup.withUnsafeBufferPointer { ownGroup in
            operationalEnd.withUnsafeBufferPointer { operationalEnd in
                operationalShare.withUnsafeBufferPointer { operationalShare in
                    ownShare.withUnsafeBufferPointer { ownShare in
                        weight.withUnsafeBufferPointer { weight in
                            override.withUnsafeBufferPointer { override in
                                body(StrategicColumns(ownGroup: ownGroup, operationalEnd: operationalEnd, operationalShare: operationalShare,
                                                      ownShare: ownShare, weight: weight, override: override, score: score, status: status))
                            }
                        }
                    }
                }
            }
        }
    }
}

extension CompiledAreas {
    func withColumns<R>(score: KernelOutput<Double>, status: KernelOutput<UInt8>, _ body: (AreaColumns) -> R) -> R {
        strategicStart.withUnsafeBufferPointer { strategicStart in
            weight.withUnsafeBufferPointer { weight in
                body(AreaColumns(strategicStart: strategicStart, weight: weight, score: score, status: status))
            }
        }
    }
}

extension CompiledOrganizations {
    func withColumns<R>(score: KernelOutput<Double>, status: KernelOutput<UInt8>, _ body: (OrganizationColumns) -> R) -> R {
        areaStart.withUnsafeBufferPointer { areaStart in
            strategicStart.withUnsafeBufferPointer { strategicStart in
                agencyStart.withUnsafeBufferPointer { agencyStart in
                    managerStart.withUnsafeBufferPointer { managerStart in
                        body(OrganizationColumns(areaStart: areaStart, strategicStart: strategicStart, agencyStart: agencyStart,
                                                 managerStart: managerStart, score: score, status: status))
                    }
                }
            }
        }
    }
}

extension CompiledAgencies {
    func withColumns<R>(score: KernelOutput<Double>, status: KernelOutput<UInt8>, _ body: (AgencyColumns) -> R) -> R {
        groupStart.withUnsafeBufferPointer { groupStart in
            groupEnd.withUnsafeBufferPointer { groupEnd in
                body(AgencyColumns(groupStart: groupStart, groupEnd: groupEnd, score: score, status: status))
            }
        }
    }
}

extension CompiledManagers {
    func withColumns<R>(score: KernelOutput<Double>, status: KernelOutput<UInt8>, _ body: (ManagerColumns) -> R) -> R {
        assignmentStart.withUnsafeBufferPointer { assignmentStart in
            assignmentObjective.withUnsafeBufferPointer { assignmentObjective in
                assignmentWeight.withUnsafeBufferPointer { assignmentWeight in
                    body(ManagerColumns(assignmentStart: assignmentStart, assignmentObjective: assignmentObjective,
                                        assignmentWeight: assignmentWeight, score: score, status: status))
                }
            }
        }
    }
}
