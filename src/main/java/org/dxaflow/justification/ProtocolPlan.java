package org.dxaflow.justification;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The scans to do and the booking constraints for one referral.
 *
 * @param earliestScanDate {@code null} when nothing constrains the booking date
 * @param notes            why the plan differs from the default, for the decision's reasons
 */
public record ProtocolPlan(List<ProtocolCode> codes, Set<DecisionFlag> flags, LocalDate earliestScanDate,
                           List<String> notes) {

    public ProtocolPlan {
        codes = List.copyOf(codes);
        flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(DecisionFlag.class) : EnumSet.copyOf(flags));
        notes = List.copyOf(notes);
    }
}
