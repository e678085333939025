package org.dxaflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.gate.DecisionStore;
import org.dxaflow.hl7.InboundMessageStore;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.orderbook.StatusChange;
import org.dxaflow.orderbook.StatusChanges;
import org.dxaflow.ris.RisOutboxStore;

/**
 * {@code /api/orders}: the order book as JSON for the console and integration engineers. Each
 * order carries its latest justification decision; the detail view adds every criterion, the
 * whole decision history (the IRMER audit record) and the status history.
 */
public final class OrdersApi {

    private final OrderStore orders;
    private final InboundMessageStore messages;
    private final OrderViews views;
    private final DecisionStore decisions;
    private final StatusChanges statuses;
    private final RisOutboxStore outbox;
    private final ObjectMapper json;

    public OrdersApi(OrderStore orders, InboundMessageStore messages, OrderViews views, DecisionStore decisions,
            StatusChanges statuses, RisOutboxStore outbox, ObjectMapper json) {
        this.orders = orders;
        this.messages = messages;
        this.views = views;
        this.decisions = decisions;
        this.statuses = statuses;
        this.outbox = outbox;
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
        return ok(views.summaries(found, false));
    }

    public ApiResponse get(String id) {
        long orderId;
        try {
            orderId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "order id must be a number, got '" + id + "'");
        }
        return orders.get(orderId)
                .map(o -> ok(detail(o)))
                .orElseGet(() -> ApiResponse.error(404, "no order with id " + id));
    }

    /** Everything about one order, as the detail view and the practitioner decision answer with it. */
    public Map<String, Object> detail(Order o) {
        Map<String, Object> body = views.summary(o, true);
        body.put("decisions", decisions.history(o.id()).stream()
                .map(d -> OrderViews.justification(d.decision(), true)).toList());
        var changes = statuses.history(o.id());
        Map<Long, String> ris = outbox.states(changes.stream().map(StatusChange::id).toList());
        body.put("statusHistory", changes.stream().map(c -> statusChange(c, ris.get(c.id()))).toList());
        body.put("messages", messages.forOrder(o.id()).stream().map(OrdersApi::history).toList());
        return body;
    }

    private static Map<String, Object> statusChange(StatusChange c, String risState) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", c.from());
        m.put("to", c.to());
        m.put("reasonCode", c.reasonCode());
        m.put("reasonText", c.reasonText());
        m.put("at", c.changedAt());
        m.put("risMessage", risState);
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

    ApiResponse ok(Object body) {
        return ApiResponse.json(json, 200, body);
    }
}
