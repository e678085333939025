package org.dxaflow.justification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Applies a practitioner's decision to a held (NEEDS_REVIEW) order and returns the new, final
 * decision. The original checks stay in the record: the audit shows what the rules found and what
 * the practitioner decided. A final decision is never overwritten ({@link DecisionAlreadyFinalException});
 * it can only be overridden by a new decision that says why ({@link #override}, {@link #takeBack}).
 */
public final class PractitionerReview {

    private final RuleSet.Protocol protocol;
    private final Clock clock;

    public PractitionerReview(RuleSet.Protocol protocol, Clock clock) {
        this.protocol = protocol;
        this.clock = clock;
    }

    public JustificationDecision apply(JustificationDecision pending, PractitionerDecision decision) {
        if (pending.outcome().isFinal()) {
            throw new DecisionAlreadyFinalException(pending.referralId(), pending.outcome());
        }
        return decide(pending, decision, "");
    }

    /**
     * A practitioner takes back the AUTO justification of an order not yet scanned: RETURN or
     * REJECT only (the order is already justified), and only over an AUTO decision, never over
     * another practitioner's.
     */
    public JustificationDecision takeBack(JustificationDecision pending, PractitionerDecision decision) {
        if (pending.outcome() != Outcome.JUSTIFIED || pending.decidedBy().mode() != DecidedBy.Mode.AUTO
                || decision.action() == PractitionerDecision.Action.JUSTIFY) {
            throw new DecisionAlreadyFinalException(pending.referralId(), pending.outcome());
        }
        return override(pending, decision, "taken back before the scan");
    }

    /**
     * A practitioner decides again over a final decision, saying why (after an exposure, taking
     * back an AUTO justification). The decision overridden stays in the record; the new one names it.
     */
    public JustificationDecision override(JustificationDecision pending, PractitionerDecision decision, String why) {
        return decide(pending, decision, "; overrides the " + pending.outcome() + " decision ("
                + pending.decidedBy().mode() + ", " + pending.decidedAt() + "): " + why);
    }

    private JustificationDecision decide(JustificationDecision pending, PractitionerDecision decision, String note) {
        boolean justify = decision.action() == PractitionerDecision.Action.JUSTIFY;
        if (!justify && decision.comment().isEmpty()) {
            // seed "Supporting documentation": the return letter states the reason, e.g. inadequate information
            throw new IllegalArgumentException(decision.action() + " requires a comment telling the referrer why");
        }
        if (!justify && !decision.protocolOverride().isEmpty()) {
            throw new IllegalArgumentException("A protocol override only applies to JUSTIFY");
        }
        List<ProtocolCode> scans = justify ? protocolFor(pending, decision) : List.of();
        Set<DecisionFlag> flags = pending.flags().isEmpty() ? EnumSet.noneOf(DecisionFlag.class) : EnumSet.copyOf(pending.flags());
        if (scans.stream().noneMatch(c -> c.value().equals(protocol.vfa().code()))) {
            flags.remove(DecisionFlag.VFA_CONDITIONAL_ON_T_SCORE);
        }
        List<String> reasons = new ArrayList<>(pending.reasons());
        Practitioner p = decision.practitioner();
        reasons.add("PRACTITIONER: " + decision.action() + " by " + p.name() + " (" + p.id()
                + (p.role().isEmpty() ? "" : ", " + p.role()) + ")"
                + (decision.comment().isEmpty() ? "" : ": " + decision.comment())
                + (decision.protocolOverride().isEmpty() ? "" : "; protocol " + String.join(", ", decision.protocolOverride()))
                + note);
        return new JustificationDecision(pending.referralId(), outcomeOf(decision.action()), pending.ruleSetVersion(),
                pending.criteria(), reasons, scans, flags, justify ? pending.earliestScanDate() : null,
                DecidedBy.practitioner(p), clock.instant(), decision.comment());
    }

    private List<ProtocolCode> protocolFor(JustificationDecision pending, PractitionerDecision decision) {
        if (decision.protocolOverride().isEmpty()) {
            if (pending.protocol().isEmpty()) {
                throw new IllegalArgumentException("No protocol proposed: JUSTIFY needs a protocol override");
            }
            return pending.protocol();
        }
        List<ProtocolCode> codes = new ArrayList<>();
        for (String value : decision.protocolOverride()) {
            ProtocolCode code = protocol.codes().get(value);
            if (code == null) {
                throw new IllegalArgumentException("Unknown protocol code '" + value + "' (known: "
                        + String.join(", ", protocol.codes().keySet()) + ")");
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static Outcome outcomeOf(PractitionerDecision.Action action) {
        return switch (action) {
            case JUSTIFY -> Outcome.JUSTIFIED;
            case RETURN -> Outcome.RETURNED;
            case REJECT -> Outcome.REJECTED;
        };
    }
}
