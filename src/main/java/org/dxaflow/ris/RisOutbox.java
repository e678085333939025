package org.dxaflow.ris;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dxaflow.order.Order;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.orderbook.StatusChange;
import org.dxaflow.pathway.ScheduleStore;

/**
 * Moves recorded status changes onto the durable outbound queue: the route takes {@link #pending},
 * sends each to the queue, then {@link #markQueued marks} it. A crash in between sends a change
 * twice, never zero times; the RIS sees the same control ID and can tell.
 */
public final class RisOutbox {

    /** One status message ready for the queue. */
    public record Outbound(long changeId, String controlId, String accessionNumber, String message) {
    }

    private static final int BATCH = 100;

    private final RisOutboxStore outbox;
    private final OrderStore orders;
    private final ScheduleStore schedules;
    private final RisStatusMessages messages;
    private final Clock clock;
    private final boolean enabled;

    public RisOutbox(RisOutboxStore outbox, OrderStore orders, ScheduleStore schedules, RisStatusMessages messages,
            Clock clock, boolean enabled) {
        this.outbox = outbox;
        this.orders = orders;
        this.schedules = schedules;
        this.messages = messages;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Status changes not yet queued, oldest first, as HL7 messages; none when RIS messaging is off. */
    public List<Outbound> pending() {
        if (!enabled) {
            return List.of();
        }
        List<Outbound> out = new ArrayList<>();
        for (StatusChange change : outbox.pending(BATCH)) {
            Optional<Order> order = orders.get(change.orderId());
            if (order.isEmpty()) {
                continue;
            }
            out.add(new Outbound(change.id(), RisStatusMessages.controlId(change), order.get().accessionNumber(),
                    messages.build(order.get(), change, schedules.find(change.orderId()).orElse(null))));
        }
        return out;
    }

    public void markQueued(long changeId) {
        outbox.markQueued(changeId, clock.instant());
    }

    /** A message put on the queue by hand (e.g. moved back from the dead letter queue) has no change id. */
    public void markDelivered(Long changeId) {
        if (changeId != null) {
            outbox.markDelivered(changeId, clock.instant());
        }
    }
}
