package org.dxaflow.densitometry;

import org.dxaflow.densitometry.VertebralExclusion.VertebraScore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.dxaflow.densitometry.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ISCD exclusion: a vertebra whose T-score differs by more than 1.0 from each adjacent evaluable
 * vertebra, furthest from the mean of the others, is excluded; repeat until none qualifies or two
 * remain. Spine BMD = ΣBMC / Σarea of the included vertebrae.
 */
class VertebralExclusionTest {

    private final VertebralExclusion exclusion = new VertebralExclusion(d("1.0"), 2);

    private static VertebraScore v(Site site, String t, String bmc, String area) {
        return new VertebraScore(site, d(t), ScoreSource.VENDOR, d(bmc), d(area));
    }

    @Test
    void interiorVertebraExcluded() {
        // L1 −2.0, L2 −2.1, L3 −0.5, L4 −1.9
        // L3: |−0.5 − (−2.1)| = 1.6 > 1.0 and |−0.5 − (−1.9)| = 1.4 > 1.0 -> candidate
        // L4 (end, one neighbour L3): 1.4 > 1.0 -> candidate; L1: |−2.0 − (−2.1)| = 0.1 -> no; L2: 0.1 -> no
        // distance from mean of others: L3: mean(−2.0, −2.1, −1.9) = −2.0 -> |−0.5 + 2.0| = 1.5
        //                               L4: mean(−2.0, −2.1, −0.5) = −1.5333 -> |−1.9 + 1.5333| = 0.3667
        // -> exclude L3; then L2 and L4 are adjacent: |−2.1 − (−1.9)| = 0.2 -> stop
        VertebralExclusion.Outcome o = exclusion.apply(List.of(
                v(Site.L1, "-2.0", "10.00", "12.00"), v(Site.L2, "-2.1", "11.00", "13.00"),
                v(Site.L3, "-0.5", "14.00", "14.00"), v(Site.L4, "-1.9", "13.50", "15.00")));
        assertEquals(List.of(Site.L1, Site.L2, Site.L4), o.includedSites());
        assertEquals(1, o.excluded().size());
        assertEquals(Site.L3, o.excluded().get(0).site());
        assertTrue(o.excluded().get(0).reason().contains("more than 1.0"));
        assertEquals("L1,L2,L4", o.label());
        // ΣBMC / Σarea = (10.00 + 11.00 + 13.50) / (12.00 + 13.00 + 15.00) = 34.50 / 40.00 = 0.8625
        assertEquals(0, d("0.8625").compareTo(o.spineBmd()));
    }

    @Test
    void endVertebraExcluded() {
        // L1 −1.0, L2 −2.2, L3 −2.3, L4 −2.4
        // L1 (one neighbour L2): |−1.0 − (−2.2)| = 1.2 > 1.0 -> candidate; L2: vs L1 1.2 but vs L3 0.1 -> no
        // -> exclude L1 (only candidate); remaining L2-L4 differ by 0.1 -> stop
        VertebralExclusion.Outcome o = exclusion.apply(List.of(
                v(Site.L1, "-1.0", "12.00", "12.00"), v(Site.L2, "-2.2", "11.00", "13.00"),
                v(Site.L3, "-2.3", "12.00", "14.00"), v(Site.L4, "-2.4", "13.50", "15.00")));
        assertEquals(List.of(Site.L2, Site.L3, Site.L4), o.includedSites());
        assertEquals(Site.L1, o.excluded().get(0).site());
        assertEquals("L2-L4", o.label());
        // (11.00 + 12.00 + 13.50) / (13.00 + 14.00 + 15.00) = 36.50 / 42.00 = 0.869047619…
        assertEquals("0.869", o.spineBmd().setScale(3, java.math.RoundingMode.HALF_UP).toPlainString());
    }

    @Test
    void cascadeStopsWhenTwoRemain() {
        // L1 −3.0, L2 −1.8, L3 −0.5, L4 +1.0: adjacent differences 1.2, 1.3, 1.5 -> all four are candidates
        // round 1 distances from mean of others:
        //   L1: mean(−1.8, −0.5, 1.0) = −0.4333 -> 2.5667   L2: mean(−3.0, −0.5, 1.0) = −0.8333 -> 0.9667
        //   L3: mean(−3.0, −1.8, 1.0) = −1.2667 -> 0.7667   L4: mean(−3.0, −1.8, −0.5) = −1.7667 -> 2.7667
        //   -> exclude L4
        // round 2 (L1, L2, L3; differences 1.2 and 1.3, all candidates):
        //   L1: mean(−1.8, −0.5) = −1.15 -> 1.85   L2: mean(−3.0, −0.5) = −1.75 -> 0.05
        //   L3: mean(−3.0, −1.8) = −2.4 -> 1.9     -> exclude L3
        // two remain (L1, L2) -> stop although they still differ by 1.2
        VertebralExclusion.Outcome o = exclusion.apply(List.of(
                v(Site.L1, "-3.0", "9.00", "12.00"), v(Site.L2, "-1.8", "11.00", "13.00"),
                v(Site.L3, "-0.5", "14.00", "14.00"), v(Site.L4, "1.0", "18.00", "15.00")));
        assertEquals(List.of(Site.L1, Site.L2), o.includedSites());
        assertEquals(List.of(Site.L4, Site.L3), o.excluded().stream().map(ExcludedVertebra::site).toList());
        assertEquals("L1-L2", o.label());
        // (9.00 + 11.00) / (12.00 + 13.00) = 20.00 / 25.00 = 0.8
        assertEquals(0, d("0.8").compareTo(o.spineBmd()));
    }

    @Test
    void noneExcludedWhenConcordant() {
        // L1 −1.5, L2 −1.6, L3 −1.4, L4 −1.2: largest adjacent difference 0.2 -> nothing excluded
        VertebralExclusion.Outcome o = exclusion.apply(List.of(
                v(Site.L4, "-1.2", "13.00", "15.00"), v(Site.L1, "-1.5", "10.00", "12.00"),
                v(Site.L2, "-1.6", "11.00", "13.00"), v(Site.L3, "-1.4", "12.00", "14.00")));
        assertEquals(List.of(Site.L1, Site.L2, Site.L3, Site.L4), o.includedSites());
        assertTrue(o.excluded().isEmpty());
        assertEquals("L1-L4", o.label());
        // (10 + 11 + 12 + 13) / (12 + 13 + 14 + 15) = 46.00 / 54.00 = 0.85185…
        assertEquals("0.852", o.spineBmd().setScale(3, java.math.RoundingMode.HALF_UP).toPlainString());
    }

    @Test
    void differenceOfExactlyOneIsNotMoreThanOne() {
        // L1 −1.0, L2 −2.0: difference 1.0 is not "more than 1.0"; L3, L4 concordant -> nothing excluded
        VertebralExclusion.Outcome o = exclusion.apply(List.of(
                v(Site.L1, "-1.0", "10.00", "12.00"), v(Site.L2, "-2.0", "11.00", "13.00"),
                v(Site.L3, "-2.1", "12.00", "14.00"), v(Site.L4, "-2.0", "13.00", "15.00")));
        assertTrue(o.excluded().isEmpty());
    }

    @Test
    void twoDiscordantVertebraeAreBothKept() {
        // only L2 −2.5 and L3 −1.0 supplied: already at the minimum of two -> no exclusion
        VertebralExclusion.Outcome o = exclusion.apply(List.of(
                v(Site.L2, "-2.5", "10.00", "13.00"), v(Site.L3, "-1.0", "12.00", "14.00")));
        assertEquals(List.of(Site.L2, Site.L3), o.includedSites());
    }

    @Test
    void missingTScoreMeansRuleNotApplied() {
        VertebralExclusion.Outcome o = exclusion.apply(List.of(
                v(Site.L1, "-2.0", "10.00", "12.00"),
                new VertebraScore(Site.L2, null, null, d("11.00"), d("13.00")),
                v(Site.L3, "-0.5", "14.00", "14.00")));
        assertEquals(3, o.includedSites().size());
        assertTrue(o.excluded().isEmpty());
    }

    @Test
    void spineBmdNeedsBmcAndAreaOfEveryIncludedVertebra() {
        VertebralExclusion.Outcome o = exclusion.apply(List.of(
                v(Site.L1, "-1.5", "10.00", "12.00"), new VertebraScore(Site.L2, d("-1.6"), ScoreSource.VENDOR, null, null)));
        assertNull(o.spineBmd());
    }
}
