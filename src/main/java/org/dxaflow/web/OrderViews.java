package org.dxaflow.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.gate.DecisionStore;
import org.dxaflow.gate.ExposureIncident;
import org.dxaflow.gate.ExposureIncidents;
import org.dxaflow.gate.StoredDecision;
import org.dxaflow.hl7.Hl7Format;
import org.dxaflow.justification.DecidedBy;
import org.dxaflow.justification.JustificationDecision;
import org.dxaflow.order.Order;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.pathway.OrderSchedule;
import org.dxaflow.pathway.SchedulePolicy;
import org.dxaflow.pathway.ScheduleStore;

/**
 * Orders as JSON-ready maps: the order as received, its latest justification decision, its open
 * exposure incidents (IRMER) and its way through the pathway (times, scheduled step, appointment).
 */
public final class OrderViews {

    private final DecisionStore decisions;
    private final ScheduleStore schedules;
    private final SchedulePolicy policy;
    private final ExposureIncidents incidents;

    public OrderViews(DecisionStore decisions, ScheduleStore schedules, SchedulePolicy policy,
            ExposureIncidents incidents) {
        this.decisions = decisions;
        this.schedules = schedules;
        this.policy = policy;
        this.incidents = incidents;
    }

    /** Summaries of many orders, looking decisions and schedules up in one query each. */
    public List<Map<String, Object>> summaries(List<Order> orders, boolean withCriteria) {
        List<Long> ids = orders.stream().map(Order::id).toList();
        Map<Long, StoredDecision> latest = decisions.latest(ids);
        Map<Long, OrderSchedule> plans = schedules.find(ids);
        Map<Long, List<ExposureIncident>> open = incidents.openForOrders(ids);
        return orders.stream().map(o -> summary(o, latest.get(o.id()), plans.get(o.id()),
                open.getOrDefault(o.id(), List.of()), withCriteria)).toList();
    }

    public Map<String, Object> summary(Order o, boolean withCriteria) {
        return summary(o, decisions.latest(o.id()).orElse(null), schedules.find(o.id()).orElse(null),
                incidents.openForOrders(List.of(o.id())).getOrDefault(o.id(), List.of()), withCriteria);
    }

    private Map<String, Object> summary(Order o, StoredDecision d, OrderSchedule s, List<ExposureIncident> open,
            boolean withCriteria) {
        Map<String, Object> m = order(o);
        m.put("justification", d == null ? null : justification(d.decision(), withCriteria));
        m.put("exposureIncidents", open.stream().map(IncidentViews::view).toList());
        m.put("pathway", pathway(o, s));
        return m;
    }

    /** The IRMER record of one decision; {@code withCriteria} adds every check and the data it used. */
    public static Map<String, Object> justification(JustificationDecision d, boolean withCriteria) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", d.outcome().name());
        m.put("ruleSetVersion", d.ruleSetVersion());
        DecidedBy by = d.decidedBy();
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("mode", by.mode().name());
        who.put("id", by.practitioner().id());
        who.put("name", by.practitioner().name());
        who.put("role", by.practitioner().role());
        who.put("delegationDocument", by.delegationDocument());
        m.put("decidedBy", who);
        m.put("decidedAt", d.decidedAt());
        m.put("reasons", d.reasons());
        m.put("protocol", d.protocolCodeValues());
        m.put("protocolCodes", d.protocol());
        m.put("flags", d.flags().stream().map(Enum::name).sorted().toList());
        m.put("earliestScanDate", d.earliestScanDate());
        m.put("comment", d.comment());
        if (withCriteria) {
            m.put("criteria", d.criteria());
        }
        return m;
    }

    private Map<String, Object> pathway(Order o, OrderSchedule s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("referralReceivedAt", s == null ? o.receivedAt() : s.referralReceivedAt());
        m.put("targetDate", s == null ? policy.targetDate(o.receivedAt()) : s.targetDate());
        m.put("justifiedAt", s == null ? null : s.justifiedAt());
        m.put("scheduledStep", s == null ? null : s.step());
        m.put("appointment", s == null ? null : s.appointment());
        m.put("appointmentAt", s == null || s.appointment() == null ? null : s.appointment().start());
        m.put("didNotAttendCount", s == null ? 0 : s.didNotAttendCount());
        m.put("scanStartedAt", s == null ? null : s.scanStartedAt());
        return m;
    }

    /** The order as received and stored. */
    static Map<String, Object> order(Order o) {
        PatientDemographics p = o.patient().demographics();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("placerOrderNumber", o.placerOrderNumber());
        m.put("placerApplication", o.placerApplication());
        m.put("fillerOrderNumber", o.fillerOrderNumber());
        m.put("accessionNumber", o.accessionNumber());
        m.put("status", o.status().name());
        m.put("patientId", o.patientId());
        m.put("patientName", p.name().display());
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("id", o.patient().id());
        patient.put("mrn", p.mrn());
        patient.put("nhsNumber", p.nhsNumber());
        patient.put("name", p.name());
        patient.put("birthDate", p.birthDate());
        patient.put("sex", p.sex() == null ? "" : p.sex().code());
        patient.put("gp", p.gp());
        patient.put("practiceCode", p.practiceCode());
        m.put("patient", patient);
        m.put("requestedProcedure", o.procedure());
        m.put("referrer", o.referrer());
        // HL7 DT/TS text as the API has always shown (an unreadable date as it was sent)
        m.put("requestedDate", Hl7Format.sent(o.requestedDate()));
        m.put("referralDate", Hl7Format.sent(o.referralDate()));
        m.put("priority", o.priority());
        m.put("clinicalInfo", o.clinicalInfo());
        m.put("answers", o.answers());
        m.put("hl7Version", o.hl7Version());
        m.put("receivedAt", o.receivedAt());
        m.put("updatedAt", o.updatedAt());
        return m;
    }
}
