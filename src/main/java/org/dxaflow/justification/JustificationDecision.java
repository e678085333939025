package org.dxaflow.justification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The justification decision for one order, immutable, complete enough to be the IRMER audit
 * record on its own: which rule-set version, every check made and on what data, and who decided.
 *
 * @param protocol         planned scans; empty when RETURNED/REJECTED; for NEEDS_REVIEW the proposal
 * @param earliestScanDate not before this date (recent NM/contrast study); {@code null} when unconstrained
 * @param comment          practitioner's comment; empty for AUTO decisions
 */
public record JustificationDecision(
        String referralId,
        Outcome outcome,
        String ruleSetVersion,
        List<CriterionResult> criteria,
        List<String> reasons,
        List<ProtocolCode> protocol,
        Set<DecisionFlag> flags,
        LocalDate earliestScanDate,
        DecidedBy decidedBy,
        Instant decidedAt,
        String comment) {

    public JustificationDecision {
        referralId = Objects.requireNonNullElse(referralId, "");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        criteria = List.copyOf(criteria);
        reasons = List.copyOf(reasons);
        protocol = List.copyOf(protocol);
        flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(DecisionFlag.class) : EnumSet.copyOf(flags));
        comment = Objects.requireNonNullElse(comment, "");
    }

    public Optional<LocalDate> earliestScan() {
        return Optional.ofNullable(earliestScanDate);
    }

    public List<String> protocolCodeValues() {
        return protocol.stream().map(ProtocolCode::value).toList();
    }

    public Optional<CriterionResult> criterion(String name) {
        return criteria.stream().filter(c -> c.criterion().equals(name)).findFirst();
    }
}
