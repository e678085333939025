package org.dxaflow.worklist;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.store.Jdbc;
import org.dxaflow.store.OrderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an order along when the scanner reports its procedure step: IN PROGRESS when the scan
 * starts, COMPLETED or DISCONTINUED when it ends. An order already cancelled, reported or closed is
 * left as it is: the scanner's word does not reopen it.
 */
public final class ProcedureStepApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ProcedureStepApplier.class);
    private static final Set<OrderStatus> MAY_START = Set.of(OrderStatus.RECEIVED, OrderStatus.SCHEDULED,
            OrderStatus.AWAITING_JUSTIFICATION);

    private final Jdbc jdbc;
    private final OrderStore orders;
    private final Clock clock;

    public ProcedureStepApplier(Jdbc jdbc, OrderStore orders, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
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
            OrderStatus next = next(now, event);
            if (next != now) {
                orders.setStatus(c, event.orderId(), next, clock.instant());
                LOG.info("Order {} (accession {}) {} -> {} on MPPS {}", event.orderId(), event.accessionNumber(), now,
                        next, event.status());
            }
            return next.name();
        });
    }

    static OrderStatus next(OrderStatus now, ProcedureStepEvent event) {
        switch (event.status()) {
            case ProcedureStepEvent.IN_PROGRESS:
                return MAY_START.contains(now) ? OrderStatus.IN_PROGRESS : now;
            case ProcedureStepEvent.COMPLETED:
                return now == OrderStatus.IN_PROGRESS || MAY_START.contains(now) ? OrderStatus.COMPLETED : now;
            case ProcedureStepEvent.DISCONTINUED:
                return now == OrderStatus.IN_PROGRESS || MAY_START.contains(now) ? OrderStatus.DISCONTINUED : now;
            default:
                return now;
        }
    }
}
