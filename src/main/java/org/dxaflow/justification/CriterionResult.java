package org.dxaflow.justification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the audit record: which check was made, on which data, with what result. IRMER
 * requires the justification to be demonstrable, so every check the gate makes is listed — also
 * the criteria for reasons that were not ticked ({@code applicable = false}).
 *
 * @param criterion  check name, e.g. {@code REFERRER_IDENTIFIED}, {@code STEROIDS}
 * @param applicable whether the check applied to this referral (a clinical criterion applies when
 *                   its reason box was ticked, or when the referral answers a question that belongs to
 *                   it; gate checks always apply)
 * @param data       the canonical fields (and derived values such as AGE) the check looked at
 * @param note       human explanation of the result
 */
public record CriterionResult(
        String criterion,
        boolean applicable,
        CriterionStatus status,
        Map<String, Object> data,
        String note) {

    public CriterionResult {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(status, "status");
        // LinkedHashMap keeps the field order readable; nulls are not allowed in Map.copyOf
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        note = Objects.requireNonNullElse(note, "");
    }
}
