package org.dxaflow.justification;

import org.dxaflow.conf.ConfNode;
import org.dxaflow.conf.ConfProblems;
import org.dxaflow.conf.YamlFile;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.order.NoggZone;
import org.dxaflow.order.SteroidRoute;

/**
 * Loads and validates {@code rules.yaml} and {@code referrers.yaml}. Every threshold is required
 * (no defaults in code: a missing threshold is an error, not a silent clinical change); unknown
 * keys, wrong types and undefined protocol codes are reported as {@code file:line:column} in one
 * {@link org.dxaflow.conf.ConfException}.
 */
public final class RuleSetLoader {

    public static final String RULES_FILE = "rules.yaml";
    public static final String REFERRERS_FILE = "referrers.yaml";

    /** Loads {@code confDir/rules.yaml} and {@code confDir/referrers.yaml}, e.g. {@code conf/justification}. */
    public RuleSet load(Path confDir) {
        return load(confDir.resolve(RULES_FILE), confDir.resolve(REFERRERS_FILE));
    }

    public RuleSet load(Path rulesFile, Path referrersFile) {
        ConfProblems problems = new ConfProblems();
        ConfNode root = YamlFile.read(rulesFile, problems);
        ConfNode referrersRoot = YamlFile.read(referrersFile, problems);

        String version = root.nonBlank("version");
        RuleSet ruleSet = new RuleSet(
                version,
                delegation(root.map("delegation")),
                eligibility(root.map("eligibility")),
                fracture(root.map("fracture")),
                steroids(root.map("steroids")),
                diseaseMedication(root.map("diseaseMedication")),
                frax(root.map("frax")),
                followUp(root.map("followup")),
                protocol(root.map("protocol")),
                referrers(referrersRoot));
        root.finish();
        problems.throwIfAny();
        return ruleSet;
    }

    private Delegation delegation(ConfNode m) {
        ConfNode p = m.map("practitioner");
        String id = p.nonBlank("id");
        String name = p.nonBlank("name");
        String role = p.text("role");
        p.finish();
        String document = m.nonBlank("document");
        Delegation.ThresholdReadings readings = thresholdReadings(m.map("thresholdReadings"));
        m.finish();
        // Practitioner refuses blanks; the placeholders only survive until throwIfAny() fails the load
        return new Delegation(new Practitioner(id.isBlank() ? "?" : id, name.isBlank() ? "?" : name, role), document,
                readings);
    }

    /** Every named reading is required: a boundary nobody signed is a load error, never a default. */
    private Delegation.ThresholdReadings thresholdReadings(ConfNode m) {
        Map<String, ThresholdReading> read = new LinkedHashMap<>();
        for (String name : Delegation.ThresholdReadings.NAMES) {
            read.put(name, thresholdReading(m.map(name), name));
        }
        m.finish();
        return new Delegation.ThresholdReadings(read.get("steroidDuration"), read.get("steroidDose"),
                read.get("vfaHeightLoss"));
    }

    private ThresholdReading thresholdReading(ConfNode m, String name) {
        String source = m.nonBlank("source");
        String wording = m.nonBlank("wording");
        String quote = m.nonBlank("quote");
        if (!wording.isBlank() && !quote.isBlank() && !quote.contains(wording)) {
            m.problem("wording", "'" + wording + "' is not in the quote: give the source's own wording of the boundary");
        }
        String text = m.text("reading");
        ThresholdReading.Reading reading = null;
        for (ThresholdReading.Reading r : ThresholdReading.Reading.values()) {
            if (r.name().equals(text)) {
                reading = r;
            }
        }
        if (reading == null && m.has("reading")) {
            m.problem("reading", "expected INCLUSIVE or EXCLUSIVE, found '" + text + "'");
        }
        m.finish();
        // the placeholder only survives until throwIfAny() fails the load (the problem is already recorded)
        return new ThresholdReading(name, source, wording, quote,
                reading == null ? ThresholdReading.Reading.EXCLUSIVE : reading);
    }

    private RuleSet.Eligibility eligibility(ConfNode m) {
        RuleSet.Eligibility e = new RuleSet.Eligibility(m.integer("minAgeYears"));
        m.finish();
        return e;
    }

    private RuleSet.Fracture fracture(ConfNode m) {
        RuleSet.Fracture f = new RuleSet.Fracture(
                m.integer("menOlderThanYears"), m.integer("treatmentWithoutBmdWomenOlderThanYears"));
        m.finish();
        return f;
    }

    private RuleSet.Steroids steroids(ConfNode m) {
        RuleSet.Steroids s = new RuleSet.Steroids(m.enumList("systemicRoutes", SteroidRoute.class),
                m.integer("youngerThanYears"), nonNegative(m, "minDurationMonths"), nonNegative(m, "minDailyDoseMg"));
        m.finish();
        return s;
    }

    private RuleSet.DiseaseMedication diseaseMedication(ConfNode m) {
        List<String> conditions = m.texts("conditions");
        if (m.has("conditions") && conditions.isEmpty()) {
            m.problem("conditions", "must list at least one condition");
        }
        m.finish();
        return new RuleSet.DiseaseMedication(conditions);
    }

    private RuleSet.Frax frax(ConfNode m) {
        RuleSet.Frax f = new RuleSet.Frax(m.integer("olderThanYears"),
                m.enumList("referralZones", NoggZone.class), m.enumList("returnZones", NoggZone.class));
        if (f.referralZones().stream().anyMatch(f.returnZones()::contains)) {
            m.problem("returnZones", "a zone cannot be both a referral zone and a return zone");
        }
        m.finish();
        return f;
    }

    private RuleSet.FollowUp followUp(ConfNode m) {
        RuleSet.FollowUp f = new RuleSet.FollowUp(m.integer("minYears"));
        m.finish();
        return f;
    }

    private RuleSet.Protocol protocol(ConfNode m) {
        String scheme = m.nonBlank("codingSchemeDesignator");
        Map<String, ProtocolCode> codes = new LinkedHashMap<>();
        for (Map.Entry<String, ConfNode> entry : m.map("codes").entries().entrySet()) {
            ConfNode meaning = entry.getValue();
            if (meaning.isScalar() && !meaning.text().isEmpty()) {
                codes.put(entry.getKey(), new ProtocolCode(entry.getKey(), scheme, meaning.text()));
            } else {
                meaning.problem("expected the code meaning as text");
            }
        }
        List<String> defaults = codeList(m, "default", codes);

        ConfNode w = m.map("weight");
        RuleSet.Weight weight = new RuleSet.Weight(nonNegative(w, "spineHipMaxKg"), codeList(w, "overLimitProtocol", codes));
        w.finish();

        Map<String, List<String>> additions = new LinkedHashMap<>();
        ConfNode a = m.map("conditionAdditions");
        for (String condition : a.entries().keySet()) {
            additions.put(condition, codeList(a, condition, codes));
        }

        ConfNode v = m.map("vfa");
        String vfaCode = v.text("code");
        if (v.has("code") && !codes.containsKey(vfaCode)) {
            v.problem("code", "protocol code '" + vfaCode + "' is not defined in protocol.codes");
        }
        RuleSet.Vfa vfa = new RuleSet.Vfa(vfaCode, v.integer("womenMinAgeYears"), v.integer("menMinAgeYears"),
                nonNegative(v, "heightLossMinCm"), nonNegative(v, "glucocorticoidMinDailyDoseMg"),
                nonNegative(v, "glucocorticoidMinDurationMonths"), v.decimal("tScoreBelow"));
        v.finish();

        ConfNode nm = m.map("recentNmOrContrast");
        int waitDays = nm.integer("waitDays");
        nm.finish();
        m.finish();
        return new RuleSet.Protocol(codes, defaults, weight, additions, vfa, waitDays);
    }

    private ReferrerRegistry referrers(ConfNode root) {
        List<ListedReferrer> list = root.list("referrers").stream().map(r -> {
            ListedReferrer referrer = new ListedReferrer(r.nonBlank("id"), r.text("name"),
                    r.optionalText("role").orElse(""));
            r.finish();
            return referrer;
        }).toList();
        root.finish();
        return new ReferrerRegistry(list);
    }

    private static List<String> codeList(ConfNode m, String key, Map<String, ProtocolCode> codes) {
        List<String> list = m.texts(key);
        for (String code : list) {
            if (!codes.containsKey(code)) {
                m.problem(key, "protocol code '" + code + "' is not defined in protocol.codes");
            }
        }
        if (m.has(key) && list.isEmpty()) {
            m.problem(key, "must list at least one protocol code");
        }
        return list;
    }

    private static BigDecimal nonNegative(ConfNode m, String key) {
        BigDecimal value = m.decimal(key);
        if (value.signum() < 0) {
            m.problem(key, "must not be negative");
        }
        return value;
    }
}
