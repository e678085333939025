package org.dxaflow.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dxaflow.gate.ExposureIncident;

/** Exposure incidents as JSON-ready maps, for the practitioner's list, orders and results. */
final class IncidentViews {

    private IncidentViews() {
    }

    static Map<String, Object> view(ExposureIncident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("code", ExposureIncident.CODE);
        m.put("orderId", i.orderId());
        m.put("accessionNumber", i.accessionNumber());
        m.put("evidence", i.evidence());
        m.put("resultId", i.resultId());
        m.put("mppsSopInstanceUid", i.mppsSopInstanceUid());
        m.put("exposedAt", i.exposedAt());
        m.put("orderStatus", i.orderStatus());
        ExposureIncident.DecisionState d = i.decision();
        if (d.outcome() == null) {
            m.put("decision", null);
        } else {
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("id", d.decisionId());
            decision.put("outcome", d.outcome());
            decision.put("mode", d.mode());
            decision.put("decidedAt", d.decidedAt());
            m.put("decision", decision);
        }
        m.put("summary", ExposureIncident.describe(i.orderStatus(), d));
        m.put("detectedAt", i.detectedAt());
        if (i.addressed() == null) {
            m.put("addressed", null);
        } else {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("decisionId", i.addressed().decisionId());
            a.put("outcome", i.addressed().outcome());
            a.put("by", i.addressed().by());
            a.put("at", i.addressed().at());
            m.put("addressed", a);
        }
        return m;
    }
}
