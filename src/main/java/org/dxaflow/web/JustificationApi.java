package org.dxaflow.web;

import java.util.List;
import java.util.Locale;
import org.dxaflow.access.Caller;
import org.dxaflow.gate.DecisionConflictException;
import org.dxaflow.gate.ExposureIncidents;
import org.dxaflow.gate.NoSuchOrderException;
import org.dxaflow.gate.PractitionerJustification;
import org.dxaflow.justification.DecisionAlreadyFinalException;
import org.dxaflow.justification.PractitionerDecision;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.orderbook.OrderStore;

/**
 * Practitioner review: {@code GET /api/justification/queue} lists the orders awaiting a
 * practitioner, oldest first, with every criterion evaluated; {@code GET
 * /api/justification/incidents?open=} lists exposures without justification (IRMER), newest first;
 * {@code POST
 * /api/orders/{id}/justification} records a practitioner's decision (200 with the order, 400 on a
 * bad request naming the field, 404 unknown order, 409 when the order is already decided).
 */
public final class JustificationApi {

    private final OrderStore orders;
    private final OrderViews views;
    private final OrdersApi ordersApi;
    private final PractitionerJustification practitioners;
    private final DecisionRequestReader requests;
    private final ExposureIncidents incidents;

    public JustificationApi(OrderStore orders, OrderViews views, OrdersApi ordersApi,
            PractitionerJustification practitioners, DecisionRequestReader requests, ExposureIncidents incidents) {
        this.orders = orders;
        this.views = views;
        this.ordersApi = ordersApi;
        this.practitioners = practitioners;
        this.requests = requests;
        this.incidents = incidents;
    }

    /** @param open "true": only incidents no practitioner decision has answered yet */
    public ApiResponse incidents(String open, String limit) {
        boolean openOnly = false;
        if (open != null && !open.isBlank()) {
            String v = open.trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                return ApiResponse.error(400, "open must be true or false, got '" + open + "'");
            }
            openOnly = v.equals("true");
        }
        int max;
        try {
            max = limit == null || limit.isBlank() ? 500 : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "limit must be a whole number");
        }
        return ordersApi.ok(incidents.list(openOnly, max).stream().map(IncidentViews::view).toList());
    }

    public ApiResponse queue() {
        List<Order> waiting = orders.oldestFirst(OrderStatus.AWAITING_JUSTIFICATION, 5000);
        return ordersApi.ok(views.summaries(waiting, true));
    }

    public ApiResponse decide(String id, String body, Caller caller) {
        long orderId;
        try {
            orderId = Long.parseLong(id == null ? "" : id.trim());
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "order id must be a number, got '" + id + "'");
        }
        if (orders.get(orderId).isEmpty()) {
            return ApiResponse.error(404, "no order with id " + orderId);
        }
        try {
            PractitionerDecision decision = requests.read(body, caller);
            return ordersApi.ok(ordersApi.detail(practitioners.decide(orderId, decision)));
        } catch (BadRequestException | IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage());
        } catch (NoSuchOrderException e) {
            return ApiResponse.error(404, e.getMessage());
        } catch (DecisionAlreadyFinalException | DecisionConflictException e) {
            return ApiResponse.error(409, e.getMessage());
        }
    }
}
