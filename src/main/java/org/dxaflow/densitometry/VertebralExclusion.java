package org.dxaflow.densitometry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * ISCD vertebral exclusion by T-score discordance, as a proposal (ISCD Official Positions: exclude
 * vertebrae that are "affected by local structural change or artifact"; a vertebra may be excluded when
 * "there is more than a 1.0 T-score difference between the vertebra in question and the adjacent
 * vertebra"; at least two vertebrae must remain, ISCD 2019/2023). The difference is a prompt to look at
 * the image, not a diagnosis: structural change and artefact (osteophytes, aortic calcification,
 * degenerative disease, a compression fracture) usually RAISE the BMD of a vertebra.
 *
 * <p>Algorithm, one vertebra at a time:
 * <ol>
 *   <li>A candidate is an included vertebra whose presented T-score is HIGHER, by more than the
 *       threshold, than <em>each</em> adjacent included vertebra (an end vertebra has one neighbour;
 *       after an exclusion the remaining vertebrae either side become adjacent).</li>
 *   <li>Of the candidates, propose the one furthest from the mean T-score of the other included
 *       vertebrae (a tie goes to the lower vertebra, so the result is deterministic).</li>
 *   <li>Repeat until no candidate remains or only the minimum number (2) is left.</li>
 * </ol>
 * Every exclusion is PROPOSED, for the reporter to confirm when the report is verified. A vertebra
 * LOWER than its neighbours by more than the threshold is never excluded automatically (leaving it
 * out would make the spine look healthier than the patient's lowest vertebra): it is returned by
 * {@link #lowOutliers} so the result goes to the reporter. Presented (one-decimal) T-scores are
 * compared because that is what a reader applying the rule sees.
 */
public final class VertebralExclusion {

    /** Input: one vertebra with the T-score the rule is applied to and its BMC/area for the spine BMD. */
    public record VertebraScore(Site vertebra, BigDecimal tScore, ScoreSource source, BigDecimal bmc, BigDecimal area) {
    }

    /** Output: the included vertebrae, in order, and the excluded ones with reasons. */
    public record Outcome(List<VertebraScore> included, List<ExcludedVertebra> excluded) {
        public Outcome {
            included = List.copyOf(included);
            excluded = List.copyOf(excluded);
        }

        public List<Site> includedSites() {
            return included.stream().map(VertebraScore::vertebra).toList();
        }

        /** ΣBMC / Σarea of the included vertebrae, or null if any BMC or area is missing. */
        public BigDecimal spineBmd() {
            if (included.isEmpty() || included.stream().anyMatch(v -> v.bmc() == null || v.area() == null)) {
                return null;
            }
            BigDecimal bmc = included.stream().map(VertebraScore::bmc).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal area = included.stream().map(VertebraScore::area).reduce(BigDecimal.ZERO, BigDecimal::add);
            return area.signum() == 0 ? null : bmc.divide(area, Rounding.MC);
        }

        public String label() {
            return VertebralExclusion.label(includedSites());
        }
    }

    private final BigDecimal maxDifference;
    private final int minimumRemaining;

    public VertebralExclusion(BigDecimal maxDifference, int minimumRemaining) {
        this.maxDifference = maxDifference;
        this.minimumRemaining = minimumRemaining;
    }

    public int minimumRemaining() {
        return minimumRemaining;
    }

    public Outcome apply(List<VertebraScore> vertebrae) {
        List<VertebraScore> included = new ArrayList<>(vertebrae);
        included.sort(Comparator.comparingInt(v -> v.vertebra().firstVertebra()));
        List<ExcludedVertebra> excluded = new ArrayList<>();
        if (included.stream().anyMatch(v -> v.tScore() == null)) {
            return new Outcome(included, excluded); // rule not applicable; caller reports why
        }
        while (included.size() > minimumRemaining) {
            VertebraScore worst = null;
            BigDecimal worstDistance = null;
            for (int i = 0; i < included.size(); i++) {
                if (!higherThanAllNeighbours(included, i)) {
                    continue;
                }
                BigDecimal distance = included.get(i).tScore().subtract(meanOfOthers(included, i)).abs();
                if (worstDistance == null || distance.compareTo(worstDistance) > 0) {
                    worst = included.get(i);
                    worstDistance = distance;
                }
            }
            if (worst == null) {
                break;
            }
            int index = included.indexOf(worst);
            excluded.add(new ExcludedVertebra(worst.vertebra(), reason(included, index, worstDistance),
                    ExclusionStatus.PROPOSED));
            included.remove(index);
        }
        return new Outcome(included, excluded);
    }

    /**
     * Vertebrae of the measured set whose T-score is LOWER than each adjacent vertebra by more than the
     * threshold: never excluded automatically, always shown to the reporter. Empty when any vertebra
     * has no T-score (the rule cannot be applied).
     */
    public List<VertebraScore> lowOutliers(List<VertebraScore> vertebrae) {
        List<VertebraScore> sorted = new ArrayList<>(vertebrae);
        sorted.sort(Comparator.comparingInt(v -> v.vertebra().firstVertebra()));
        if (sorted.stream().anyMatch(v -> v.tScore() == null)) {
            return List.of();
        }
        List<VertebraScore> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            VertebraScore v = sorted.get(i);
            List<VertebraScore> neighbours = neighbours(sorted, i);
            if (!neighbours.isEmpty() && neighbours.stream()
                    .allMatch(n -> n.tScore().subtract(v.tScore()).compareTo(maxDifference) > 0)) {
                out.add(v);
            }
        }
        return out;
    }

    public BigDecimal maxDifference() {
        return maxDifference;
    }

    private boolean higherThanAllNeighbours(List<VertebraScore> included, int i) {
        List<VertebraScore> neighbours = neighbours(included, i);
        return !neighbours.isEmpty() && neighbours.stream()
                .allMatch(n -> included.get(i).tScore().subtract(n.tScore()).compareTo(maxDifference) > 0);
    }

    private static List<VertebraScore> neighbours(List<VertebraScore> included, int i) {
        List<VertebraScore> out = new ArrayList<>(2);
        if (i > 0) {
            out.add(included.get(i - 1));
        }
        if (i < included.size() - 1) {
            out.add(included.get(i + 1));
        }
        return out;
    }

    private static BigDecimal meanOfOthers(List<VertebraScore> included, int i) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = 0; j < included.size(); j++) {
            if (j != i) {
                sum = sum.add(included.get(j).tScore());
            }
        }
        return sum.divide(BigDecimal.valueOf(included.size() - 1L), Rounding.MC);
    }

    private String reason(List<VertebraScore> included, int i, BigDecimal distance) {
        VertebraScore v = included.get(i);
        String neighbours = neighbours(included, i).stream()
                .map(n -> n.vertebra() + " (" + n.tScore().toPlainString() + ")")
                .collect(Collectors.joining(" and "));
        return "T-score " + v.tScore().toPlainString() + " (" + v.source().name().toLowerCase() + ")"
                + " is higher by more than " + maxDifference.toPlainString() + " than adjacent " + neighbours
                + "; furthest from the mean of the other vertebrae (by "
                + distance.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "). Artefact-like:"
                + " proposed for exclusion, to be confirmed on the image by the reporter";
    }

    /** "L1-L4" for a contiguous run, "L3" for one vertebra, otherwise "L1,L2,L4". */
    public static String label(List<Site> vertebrae) {
        if (vertebrae.isEmpty()) {
            return "";
        }
        int first = vertebrae.get(0).firstVertebra();
        int last = vertebrae.get(vertebrae.size() - 1).firstVertebra();
        boolean contiguous = last - first + 1 == vertebrae.size();
        if (contiguous) {
            return first == last ? "L" + first : "L" + first + "-L" + last;
        }
        return vertebrae.stream().map(Site::externalName).collect(Collectors.joining(","));
    }
}
