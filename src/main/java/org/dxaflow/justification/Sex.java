package org.dxaflow.justification;

import java.util.Locale;

/** Administrative sex as sent on the order (PID-8 reduced to what the criteria use). */
public enum Sex {
    F, M, U;

    /** HL7 table 0001: F and M as such; O, A, N, U, empty and anything else are U for the criteria. */
    public static Sex fromHl7(String pid8) {
        String code = pid8 == null ? "" : pid8.trim().toUpperCase(Locale.ROOT);
        return switch (code) {
            case "F" -> F;
            case "M" -> M;
            default -> U;
        };
    }
}
