package org.dxaflow.order;

import java.util.Optional;

/**
 * The six "Reason for referral" boxes of the seed's request form (Appendix 2). REFREASON may also
 * carry codes we do not know; those stay as text on the {@link ReferralAnswers}.
 */
public enum ReferralReason {
    FRACTURE,
    STEROIDS,
    RADIOLOGICAL_OSTEOPENIA,
    DISEASE_MEDICATION,
    FRAX,
    FOLLOW_UP;

    public static Optional<ReferralReason> fromCode(String code) {
        for (ReferralReason reason : values()) {
            if (reason.name().equals(code)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
