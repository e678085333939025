package org.dxaflow.worklist;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.dxaflow.gate.ExposureGuard;
import org.dxaflow.gate.ExposureIncident;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.orderbook.OrderEvent;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.orderbook.StatusChange;
import org.dxaflow.orderbook.StatusChanges;
import org.dxaflow.pathway.ScheduleStore;
import org.dxaflow.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an order along when the scanner reports its procedure step: IN PROGRESS when the scan
 * starts, COMPLETED or DISCONTINUED when it ends. An order already cancelled, reported or closed is
 * left as it is: the scanner's word does not reopen it. A scan started on an order no JUSTIFIED
 * decision covers is an IRMER incident: recorded for the practitioner, the order left where it is.
 */
public final class ProcedureStepApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ProcedureStepApplier.class);
    /** Only a justified, scheduled order may be scanned (IRMER); anything else is logged, not moved. */

    private final Jdbc jdbc;
    private final OrderStore orders;
    private final StatusChanges statuses;
    private final ScheduleStore schedules;
    private final ExposureGuard exposures;
    private final Clock clock;

    public ProcedureStepApplier(Jdbc jdbc, OrderStore orders, StatusChanges statuses, ScheduleStore schedules,
            ExposureGuard exposures, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.statuses = statuses;
        this.schedules = schedules;
        this.exposures = exposures;
        this.clock = clock;
    }

    /** Returns the order's status afterwards, or NO_ORDER. */
    public String apply(ProcedureStepEvent event) {
        if (event.orderId() == null) {
            LOG.warn("MPPS {} ({}) matches no order (accession {})", event.sopInstanceUid(), event.status(),
                    event.accessionNumber());
            return "NO_ORDER";
        }
        return jdbc.inTransaction(c -> {
            Optional<Order> found = orders.get(c, event.orderId());
            if (found.isEmpty()) {
                return "NO_ORDER";
            }
            OrderStatus now = found.get().status();
            if (!event.isFinal()) {
                var unjustified = exposures.unjustified(c, found.get(), clock.instant());
                // a redelivered event is the same exposure, recorded once
                if (unjustified.isPresent() && !exposures.alreadyRecorded(c, event.sopInstanceUid())) {
                    exposures.record(c, found.get(), unjustified.get(), ExposureIncident.Evidence.MPPS, null,
                            event.sopInstanceUid(), clock.instant(), clock.instant());
                    LOG.warn("MPPS {} started on order {} (accession {}): {}", event.sopInstanceUid(), event.orderId(),
                            event.accessionNumber(), ExposureIncident.describe(now, unjustified.get()));
                }
            }
            Optional<OrderEvent> scan = scanEvent(event);
            OrderStatus next = scan.isEmpty() ? now : statuses.apply(c, found.get(), scan.get(),
                    new StatusChange.Reason("MPPS", "Scanner reported " + event.status()), clock.instant());
            if (next != now) {
                if (next == OrderStatus.IN_PROGRESS) {
                    schedules.scanStarted(c, event.orderId(), clock.instant());
                }
                LOG.info("Order {} (accession {}) {} -> {} on MPPS {}", event.orderId(), event.accessionNumber(), now,
                        next, event.status());
            } else if (!event.isFinal() && now != OrderStatus.IN_PROGRESS) {
                LOG.warn("MPPS {} started on order {} (accession {}) which is {}: status left unchanged",
                        event.sopInstanceUid(), event.orderId(), event.accessionNumber(), now);
            }
            return next.name();
        });
    }

    /** The order-lifecycle event an MPPS status stands for; none for a status MPPS does not define. */
    static Optional<OrderEvent> scanEvent(ProcedureStepEvent event) {
        return switch (event.status()) {
            case ProcedureStepEvent.IN_PROGRESS -> Optional.of(OrderEvent.SCAN_STARTED);
            case ProcedureStepEvent.COMPLETED -> Optional.of(OrderEvent.SCAN_COMPLETED);
            case ProcedureStepEvent.DISCONTINUED -> Optional.of(OrderEvent.SCAN_DISCONTINUED);
            default -> Optional.empty();
        };
    }
}
