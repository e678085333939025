package org.dxaflow.dxasr;

import java.util.Objects;

/** One vertebra read on vertebral fracture assessment: its level (T4..T12, L1..L4) and Genant grade 0-3. */
public record VertebraGrade(String vertebra, int genantGrade) {
    public VertebraGrade {
        Objects.requireNonNull(vertebra, "vertebra");
        if (!vertebra.matches("T([4-9]|1[0-2])|L[1-4]")) {
            throw new IllegalArgumentException("vertebra must be T4..T12 or L1..L4, was " + vertebra);
        }
        if (genantGrade < 0 || genantGrade > 3) {
            throw new IllegalArgumentException("Genant grade must be 0 to 3, was " + genantGrade);
        }
    }
}
