package org.dxaflow.densitometry;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the VFA findings of a scan: a vertebra counts as fractured when its Genant grade reaches the
 * configured grade or the source says "fracture: yes". A lower non-zero grade (a mild deformity) is
 * neither counted nor ignored: the reporter decides. A vertebral fracture makes a T-score ≤ −2.5
 * "severe (established) osteoporosis" (WHO: osteoporosis with a fragility fracture) and raises the
 * seed's further-investigation flag.
 */
final class VfaReading {

    /** What the findings mean for the result. */
    record Reading(boolean fracture, List<String> fractured, List<Flag> review) {
        Reading {
            fractured = List.copyOf(fractured);
            review = List.copyOf(review);
        }
    }

    private final int fractureFromGrade;

    VfaReading(int fractureFromGrade) {
        this.fractureFromGrade = fractureFromGrade;
    }

    Reading read(ScanInput input) {
        List<String> fractured = new ArrayList<>();
        List<Flag> review = new ArrayList<>();
        for (VfaFinding f : input.vfa()) {
            boolean byGrade = f.genantGrade() != null && f.genantGrade() >= fractureFromGrade;
            if (byGrade || Boolean.TRUE.equals(f.fracture())) {
                fractured.add(f.vertebra() + (f.genantGrade() == null ? "" : " (Genant grade " + f.genantGrade() + ")"));
            } else if (f.genantGrade() != null && f.genantGrade() > 0) {
                review.add(new Flag(FlagCode.NEEDS_REPORTER_REVIEW, null, null, "VFA: " + f.vertebra()
                        + " Genant grade " + f.genantGrade() + " (below grade " + fractureFromGrade
                        + ", counted as fracture from there): the reporter decides whether it is a fracture", false));
            }
        }
        return new Reading(input.vfaVertebralFracture() || !fractured.isEmpty(), fractured, review);
    }
}
