package org.dxaflow.report;

import org.dxaflow.order.Order;
import org.dxaflow.orderbook.OrderEvent;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.orderbook.StatusChange;
import org.dxaflow.orderbook.StatusChanges;
import org.dxaflow.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Delivers one report version to one destination and records the attempt. The queue consumers
 * (routes/reports.camel.yaml) call {@link #deliver}; a failure is recorded and rethrown, so the route
 * retries it with growing delays and, when retries are exhausted, calls {@link #dead}. A final
 * report delivered to PACS — the IRMER clinical record filed with the images — moves the order to
 * REPORTED, and the RIS hears of it through the status outbox.
 */
public final class ReportDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ReportDelivery.class);

    private final Jdbc jdbc;
    private final ReportStore reports;
    private final DeliveryStore deliveries;
    private final OrderStore orders;
    private final StatusChanges statuses;
    private final Map<Destination, ReportChannel> channels;
    private final Clock clock;

    public ReportDelivery(Jdbc jdbc, ReportStore reports, DeliveryStore deliveries, OrderStore orders,
                          StatusChanges statuses, Map<Destination, ReportChannel> channels, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.deliveries = deliveries;
        this.orders = orders;
        this.statuses = statuses;
        this.channels = Map.copyOf(channels);
        this.clock = clock;
    }

    /** Deliveries to put on their queues, marked queued by {@link #queued}. */
    public List<DeliveryStore.Delivery> pending() {
        return deliveries.pending(100);
    }

    public void queued(long deliveryId) {
        deliveries.markQueued(deliveryId, clock.instant());
    }

    /** One attempt. A delivery already made, superseded or dead is left alone (a redelivered message). */
    public void deliver(long deliveryId) {
        DeliveryStore.Delivery d = deliveries.get(deliveryId).orElseThrow(
                () -> new IllegalStateException("no delivery " + deliveryId));
        if (!d.status().equals(DeliveryStore.QUEUED) && !d.status().equals(DeliveryStore.FAILED)
                && !d.status().equals(DeliveryStore.PENDING)) {
            return;
        }
        ReportChannel channel = channels.get(d.destination());
        if (channel == null) {
            throw new DeliveryFailure(d.destination() + " is not configured", true);
        }
        ReportDocument doc = reports.document(d.reportId(), d.version()).orElseThrow();
        byte[] pdf = reports.pdf(d.reportId(), d.version()).orElseThrow();
        int attempt = d.attempts() + 1;
        Instant started = clock.instant();
        try {
            channel.send(doc, pdf, d.controlId());
        } catch (RuntimeException e) {
            String error = e instanceof DeliveryFailure ? e.getMessage() : e.toString();
            jdbc.inTransaction(c -> {
                deliveries.recordAttempt(c, deliveryId, attempt, false, error, started, clock.instant());
                return null;
            });
            LOG.warn("delivery {} (report {} v{} to {}) attempt {} failed: {}", deliveryId, d.reportId(), d.version(),
                    d.destination(), attempt, error);
            throw e;
        }
        jdbc.inTransaction(c -> {
            deliveries.recordAttempt(c, deliveryId, attempt, true, null, started, clock.instant());
            if (d.destination() == Destination.PACS && doc.status().isVerified()) {
                Order order = orders.get(c, doc.order().id()).orElseThrow();
                if (statuses.lifecycle().allows(order.status(), OrderEvent.FINAL_REPORT_DELIVERED)) {
                    statuses.apply(c, order, OrderEvent.FINAL_REPORT_DELIVERED,
                            new StatusChange.Reason("REPORT", "Final report " + doc.businessId() + " v"
                                    + doc.version() + " filed in PACS"), clock.instant());
                }
            }
            return null;
        });
        LOG.info("delivery {} (report {} v{} {}) delivered to {} at attempt {}", deliveryId, d.reportId(), d.version(),
                doc.status(), d.destination(), attempt);
    }

    /** Retries exhausted: the delivery waits for a person to resend it. */
    public void dead(long deliveryId, String error) {
        deliveries.markDead(deliveryId, error, clock.instant());
        LOG.error("delivery {} is DEAD after its retries: {} (POST /api/deliveries/{}/resend)", deliveryId, error,
                deliveryId);
    }
}
