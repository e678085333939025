package org.dxaflow.justification;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dxaflow.order.NoggZone;
import org.dxaflow.order.SteroidRoute;

/**
 * The practitioner's written justification criteria, as loaded from {@code conf/justification}.
 * Every clinical number the engine uses lives here (and in rules.yaml, with its source); the
 * record groups them per criterion so each rule gets only its own thresholds.
 */
public record RuleSet(
        String version,
        Delegation delegation,
        Eligibility eligibility,
        Fracture fracture,
        Steroids steroids,
        DiseaseMedication diseaseMedication,
        Frax frax,
        FollowUp followUp,
        Protocol protocol,
        ReferrerRegistry referrers) {

    public RuleSet {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(delegation, "delegation");
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(fracture, "fracture");
        Objects.requireNonNull(steroids, "steroids");
        Objects.requireNonNull(diseaseMedication, "diseaseMedication");
        Objects.requireNonNull(frax, "frax");
        Objects.requireNonNull(followUp, "followUp");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(referrers, "referrers");
    }

    /** Who the service is for. */
    public record Eligibility(int minAgeYears) { }

    /** Appendix 2 item 1. */
    public record Fracture(int menOlderThanYears,
                           int treatmentWithoutBmdWomenOlderThanYears) { }

    /** Appendix 2 item 2. */
    public record Steroids(List<SteroidRoute> systemicRoutes, int youngerThanYears,
                           BigDecimal minDurationMonths, BigDecimal minDailyDoseMg) {
        public Steroids {
            systemicRoutes = List.copyOf(systemicRoutes);
        }
    }

    /** Appendix 2 item 4: the conditions/medications that make DISEASE_MEDICATION met. */
    public record DiseaseMedication(List<String> conditions) {
        public DiseaseMedication {
            conditions = List.copyOf(conditions);
        }
    }

    /** Appendix 2 item 5. Zones in neither list are held for review. */
    public record Frax(int olderThanYears, List<NoggZone> referralZones, List<NoggZone> returnZones) {
        public Frax {
            referralZones = List.copyOf(referralZones);
            returnZones = List.copyOf(returnZones);
        }
    }

    /** Appendix 2 item 6 and "Supporting documentation: follow-up measurement and timing". */
    public record FollowUp(int minYears) { }

    /** Scan protocols and how they are chosen. {@code codes} is in file order, which is also plan order. */
    public record Protocol(Map<String, ProtocolCode> codes, List<String> defaultCodes, Weight weight,
                           Map<String, List<String>> conditionAdditions, Vfa vfa, int recentNmOrContrastWaitDays) {
        public Protocol {
            codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
            defaultCodes = List.copyOf(defaultCodes);
            conditionAdditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditionAdditions));
        }
    }

    /** Over {@code spineHipMaxKg}: spine/hip not measurable accurately, use {@code overLimitCodes}. */
    public record Weight(BigDecimal spineHipMaxKg, List<String> overLimitCodes) {
        public Weight {
            overLimitCodes = List.copyOf(overLimitCodes);
        }
    }

    /** ISCD 2019 indications for vertebral fracture assessment. */
    public record Vfa(String code, int womenMinAgeYears, int menMinAgeYears, BigDecimal heightLossMinCm,
                      BigDecimal glucocorticoidMinDailyDoseMg, BigDecimal glucocorticoidMinDurationMonths,
                      BigDecimal tScoreBelow) { }
}
