package org.dxaflow.densitometry;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One vertebra as read on vertebral fracture assessment (lateral spine imaging, T4 to L4): the
 * Genant semiquantitative grade (0 normal, 1 mild, 2 moderate, 3 severe; Genant HK et al., J Bone
 * Miner Res 1993;8:1137-48) and/or the scanner's or reader's fracture yes/no.
 *
 * @param genantGrade 0..3, or null when the source gives only yes/no
 * @param fracture    the source's own yes/no, or null when it gives only a grade
 */
public record VfaFinding(String vertebra, Integer genantGrade, Boolean fracture) {

    private static final Pattern LEVEL = Pattern.compile("T([4-9]|1[0-2])|L[1-4]");

    public VfaFinding {
        Objects.requireNonNull(vertebra, "vertebra");
        if (!LEVEL.matcher(vertebra).matches()) {
            throw new IllegalArgumentException("vertebra must be T4..T12 or L1..L4, was " + vertebra);
        }
        if (genantGrade != null && (genantGrade < 0 || genantGrade > 3)) {
            throw new IllegalArgumentException("Genant grade must be 0 to 3, was " + genantGrade);
        }
        if (genantGrade == null && fracture == null) {
            throw new IllegalArgumentException("a VFA finding needs a Genant grade or a fracture yes/no");
        }
    }

    /** T4..T12, L1..L4 as written, or empty. */
    public static Optional<String> level(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
        return LEVEL.matcher(t).matches() ? Optional.of(t) : Optional.empty();
    }
}
