package org.dxaflow.justification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dxaflow.clinical.Sex;
import org.dxaflow.order.ReferralAnswers;
import org.dxaflow.order.ReferralReason;

/**
 * Chooses the scan protocol (seed "Scan visit": "required DXA scans ... following local protocols")
 * from rules.yaml: the default sites, sites added for particular conditions, VFA per the ISCD
 * indications, peripheral-only over the spine/hip weight limit (Appendix 2), and the earliest
 * scan date after a nuclear medicine or contrast study (Appendix 4: the scan may need re-arranging).
 */
public final class ProtocolPlanner {

    private final RuleSet.Protocol protocol;
    private final RuleSet.Steroids steroids;
    private final ThresholdReading heightLossReading;

    public ProtocolPlanner(RuleSet.Protocol protocol, RuleSet.Steroids steroids, Delegation.ThresholdReadings readings) {
        this.protocol = protocol;
        this.steroids = steroids;
        this.heightLossReading = readings.vfaHeightLoss();
    }

    public ProtocolPlan plan(Referral referral) {
        ReferralAnswers a = referral.answers();
        Set<String> codes = new LinkedHashSet<>(protocol.defaultCodes());
        Set<DecisionFlag> flags = EnumSet.noneOf(DecisionFlag.class);
        List<String> notes = new ArrayList<>();

        Optional<BigDecimal> weight = a.weightKg();
        if (weight.isPresent() && weight.get().compareTo(protocol.weight().spineHipMaxKg()) > 0) {
            // peripheral only: site additions and VFA (lateral spine imaging) do not apply
            codes = new LinkedHashSet<>(protocol.weight().overLimitCodes());
            flags.add(DecisionFlag.WEIGHT_OVER_SPINE_HIP_LIMIT);
            notes.add("Protocol: weight " + weight.get().toPlainString() + " kg is over "
                    + protocol.weight().spineHipMaxKg().toPlainString() + " kg: spine and hip cannot be measured"
                    + " accurately, " + String.join(", ", protocol.weight().overLimitCodes()) + " only");
        } else {
            addSites(referral, codes, flags, notes);
        }
        LocalDate earliest = null;
        if (a.recentNmOrContrastDate().isPresent()) {
            earliest = a.recentNmOrContrastDate().get().plusDays(protocol.recentNmOrContrastWaitDays());
            flags.add(DecisionFlag.RECENT_NM_OR_CONTRAST);
            notes.add("Booking: nuclear medicine or contrast study on " + a.recentNmOrContrastDate().get()
                    + ", do not scan before " + earliest);
        }
        if (!a.specialNeeds().isBlank()) {
            flags.add(DecisionFlag.SPECIAL_NEEDS);
            notes.add("Booking: special needs: " + a.specialNeeds());
        }
        if (a.hasReason(ReferralReason.FOLLOW_UP)) {
            flags.add(DecisionFlag.FOLLOW_UP_SAME_SCANNER);
            notes.add("Booking: follow-up scan, book on the same scanner as the previous scan"
                    + (a.previousDxaSite().isBlank() ? "" : " (" + a.previousDxaSite() + ")"));
        }
        return new ProtocolPlan(inCatalogueOrder(codes), flags, earliest, notes);
    }

    private void addSites(Referral referral, Set<String> codes, Set<DecisionFlag> flags, List<String> notes) {
        for (String condition : referral.answers().conditions()) {
            List<String> extra = protocol.conditionAdditions().getOrDefault(condition, List.of());
            if (!extra.isEmpty() && codes.addAll(extra)) {
                notes.add("Protocol: " + String.join(", ", extra) + " added for " + condition);
            }
        }
        List<String> vfaIndications = vfaIndications(referral);
        if (!vfaIndications.isEmpty()) {
            codes.add(protocol.vfa().code());
            flags.add(DecisionFlag.VFA_CONDITIONAL_ON_T_SCORE);
            notes.add("Protocol: " + protocol.vfa().code() + " if T-score is below "
                    + protocol.vfa().tScoreBelow().toPlainString() + " (ISCD 2019): " + String.join("; ", vfaIndications));
        }
    }

    /** ISCD 2019 adult official positions, indications for VFA that are knowable at referral. */
    private List<String> vfaIndications(Referral referral) {
        RuleSet.Vfa vfa = protocol.vfa();
        ReferralAnswers a = referral.answers();
        int age = referral.ageYears();
        List<String> found = new ArrayList<>();
        if (referral.sex() == Sex.F && age >= vfa.womenMinAgeYears()) {
            found.add("woman aged " + age);
        }
        if (referral.sex() == Sex.M && age >= vfa.menMinAgeYears()) {
            found.add("man aged " + age);
        }
        a.heightLossCm().filter(h -> heightLossReading.meets(h, vfa.heightLossMinCm()))
                .ifPresent(h -> found.add("height loss " + h.toPlainString() + " cm ("
                        + heightLossReading.criterion(vfa.heightLossMinCm(), "cm") + ", " + heightLossReading.citation() + ")"));
        boolean systemic = a.steroidRoute().filter(steroids.systemicRoutes()::contains).isPresent();
        boolean dose = a.steroidDoseMg().filter(d -> d.compareTo(vfa.glucocorticoidMinDailyDoseMg()) >= 0).isPresent();
        boolean duration = a.steroidDurationMonths()
                .filter(d -> d.compareTo(vfa.glucocorticoidMinDurationMonths()) >= 0).isPresent();
        if (systemic && dose && duration) {
            found.add("glucocorticoids " + a.steroidDoseMg().get().toPlainString() + " mg/day for "
                    + a.steroidDurationMonths().get().toPlainString() + " months");
        }
        return found;
    }

    private List<ProtocolCode> inCatalogueOrder(Set<String> codes) {
        return protocol.codes().values().stream().filter(c -> codes.contains(c.value())).toList();
    }
}
