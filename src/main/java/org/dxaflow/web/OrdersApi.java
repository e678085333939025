package org.dxaflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.store.InboundMessageStore;
import org.dxaflow.store.OrderStore;

/** {@code /api/orders}: the order book as JSON for the console and integration engineers. */
public final class OrdersApi {

    private final OrderStore orders;
    private final InboundMessageStore messages;
    private final ObjectMapper json;

    public OrdersApi(OrderStore orders, InboundMessageStore messages, ObjectMapper json) {
        this.orders = orders;
        this.messages = messages;
        this.json = json;
    }

    public ApiResponse list(String placerOrderNumber, String accessionNumber, String patientId, String status,
            String limit) {
        if (status != null && !status.isBlank()) {
            try {
                OrderStatus.valueOf(status.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                return ApiResponse.error(400, "status must be one of " + List.of(OrderStatus.values()));
            }
        }
        int max;
        try {
            max = limit == null || limit.isBlank() ? 500 : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "limit must be a whole number");
        }
        List<Order> found = orders.find(new OrderStore.Filter(placerOrderNumber, accessionNumber, patientId,
                status == null ? null : status.trim()), max);
        return ok(found.stream().map(OrdersApi::summary).toList());
    }

    public ApiResponse get(String id) {
        long orderId;
        try {
            orderId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "order id must be a number, got '" + id + "'");
        }
        return orders.get(orderId)
                .map(o -> {
                    Map<String, Object> body = summary(o);
                    body.put("messages", messages.forOrder(orderId).stream().map(OrdersApi::history).toList());
                    return ok(body);
                })
                .orElseGet(() -> ApiResponse.error(404, "no order with id " + id));
    }

    static Map<String, Object> summary(Order o) {
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
        patient.put("sex", p.sex());
        patient.put("gp", p.gp());
        patient.put("practiceCode", p.practiceCode());
        m.put("patient", patient);
        m.put("requestedProcedure", o.procedure());
        m.put("referrer", o.referrer());
        m.put("requestedDate", o.requestedDate());
        m.put("priority", o.priority());
        m.put("clinicalInfo", o.clinicalInfo());
        m.put("answers", o.answers());
        m.put("hl7Version", o.hl7Version());
        m.put("receivedAt", o.receivedAt());
        m.put("updatedAt", o.updatedAt());
        return m;
    }

    private static Map<String, Object> history(InboundMessageStore.OrderMessage om) {
        var msg = om.message();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageId", msg.id());
        m.put("action", om.action());
        m.put("controlId", msg.controlId());
        m.put("type", msg.messageType() + "^" + msg.triggerEvent());
        m.put("version", msg.version());
        m.put("sendingApplication", msg.sendingApplication());
        m.put("sendingFacility", msg.sendingFacility());
        m.put("receivedAt", msg.receivedAt());
        m.put("status", msg.status());
        return m;
    }

    private ApiResponse ok(Object body) {
        try {
            return new ApiResponse(200, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            return ApiResponse.error(500, e.getMessage());
        }
    }
}
