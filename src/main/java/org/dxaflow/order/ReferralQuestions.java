package org.dxaflow.order;

import java.util.Optional;

/**
 * Which canonical referral question an OBX asks, by its OBX-3 code and coding system: the site's
 * mapping ({@code mappings/hl7/referral-questions.yaml}, loaded by the justification package, which
 * checks it against {@link ReferralField}). A code it does not know is no answer at all.
 */
@FunctionalInterface
public interface ReferralQuestions {
    Optional<ReferralField> fieldFor(String code, String codingSystem);
}
