import Performa

extension CompiledRollUp {
    /// Lends the columns above the indicators as a `LevelKernel` for the duration of `body`.
    mutating func withLevelKernel<R>(_ body: (LevelKernel) -> R) -> R {
        groups.withResults { groups in
            strategics.withColumns { strategics in
                areas.withColumns { areas in
                    organizations.withColumns { organizations in
                        agencies.withColumns { agencies in
                            managers.withColumns { managers in
                                body(LevelKernel(groups: groups, strategics: strategics, areas: areas, organizations: organizations,
                                                 agencies: agencies, managers: managers))
                            }
                        }
                    }
                }
            }
        }
    }
}

extension CompiledGroups {
    func withResults<R>(_ body: (GroupResults) -> R) -> R {
        weight.withUnsafeBufferPointer { weight in
            override.withUnsafeBufferPointer { override in
                score.withUnsafeBufferPointer { score in
                    status.withUnsafeBufferPointer { status in
                        body(GroupResults(weight: weight, override: override, score: score, status: status))
                    }
                }
            }
        }
    }
}

extension CompiledStrategics {
    mutating func withColumns<R>(_ body: (StrategicColumns) -> R) -> R {
        ownGroup.withUnsafeBufferPointer { ownGroup in
            operationalEnd.withUnsafeBufferPointer { operationalEnd in
                operationalShare.withUnsafeBufferPointer { operationalShare in
                    ownShare.withUnsafeBufferPointer { ownShare in
                        weight.withUnsafeBufferPointer { weight in
                            override.withUnsafeBufferPointer { override in
                                score.withUnsafeMutableBufferPointer { score in
                                    status.withUnsafeMutableBufferPointer { status in
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
    }
}

extension CompiledAreas {
    mutating func withColumns<R>(_ body: (AreaColumns) -> R) -> R {
        strategicStart.withUnsafeBufferPointer { strategicStart in
            weight.withUnsafeBufferPointer { weight in
                score.withUnsafeMutableBufferPointer { score in
                    status.withUnsafeMutableBufferPointer { status in
                        body(AreaColumns(strategicStart: strategicStart, weight: weight, score: score, status: status))
                    }
                }
            }
        }
    }
}

extension CompiledOrganizations {
    mutating func withColumns<R>(_ body: (OrganizationColumns) -> R) -> R {
        areaStart.withUnsafeBufferPointer { areaStart in
            strategicStart.withUnsafeBufferPointer { strategicStart in
                agencyStart.withUnsafeBufferPointer { agencyStart in
                    managerStart.withUnsafeBufferPointer { managerStart in
                        score.withUnsafeMutableBufferPointer { score in
                            status.withUnsafeMutableBufferPointer { status in
                                body(OrganizationColumns(areaStart: areaStart, strategicStart: strategicStart, agencyStart: agencyStart,
                                                         managerStart: managerStart, score: score, status: status))
                            }
                        }
                    }
                }
            }
        }
    }
}

extension CompiledAgencies {
    mutating func withColumns<R>(_ body: (AgencyColumns) -> R) -> R {
        groupStart.withUnsafeBufferPointer { groupStart in
            groupEnd.withUnsafeBufferPointer { groupEnd in
                score.withUnsafeMutableBufferPointer { score in
                    status.withUnsafeMutableBufferPointer { status in
                        body(AgencyColumns(groupStart: groupStart, groupEnd: groupEnd, score: score, status: status))
                    }
                }
            }
        }
    }
}

extension CompiledManagers {
    mutating func withColumns<R>(_ body: (ManagerColumns) -> R) -> R {
        assignmentStart.withUnsafeBufferPointer { assignmentStart in
            assignmentObjective.withUnsafeBufferPointer { assignmentObjective in
                assignmentWeight.withUnsafeBufferPointer { assignmentWeight in
                    score.withUnsafeMutableBufferPointer { score in
                        status.withUnsafeMutableBufferPointer { status in
                            body(ManagerColumns(assignmentStart: assignmentStart, assignmentObjective: assignmentObjective,
                                                assignmentWeight: assignmentWeight, score: score, status: status))
                        }
                    }
                }
            }
        }
    }
}
