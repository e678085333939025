package org.dxaflow.gate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.dxaflow.justification.JustificationDecision;
import org.dxaflow.justification.JustificationGate;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the practitioner's written criteria to an order in RECEIVED, once: a new order, or one
 * an order change (XO) sent back because its referral changed. An order no longer RECEIVED is left
 * alone, so a redelivered request is harmless (every decision moves the order out of RECEIVED in
 * the transaction that stores it).
 */
public final class AutoJustification {

    private static final Logger LOG = LoggerFactory.getLogger(AutoJustification.class);

    private final Jdbc jdbc;
    private final OrderStore orders;
    private final ReferralAssembler assembler;
    /** The gate on the current rules; read once per order, so a reload never changes the rules mid-decision. */
    private final Supplier<JustificationGate> gates;
    private final DecisionApplier applier;
    private final Clock clock;

    /** @param gates the gate on the current rules (they may be reloaded while the engine runs) */
    public AutoJustification(Jdbc jdbc, OrderStore orders, ReferralAssembler assembler,
            Supplier<JustificationGate> gates, DecisionApplier applier, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.assembler = assembler;
        this.gates = gates;
        this.applier = applier;
        this.clock = clock;
    }

    /**
     * Returns what was done, for the route's log. The id comes off the queue as the order book gave
     * it (a number; Camel converts the message body to it).
     */
    public String evaluate(long id) {
        return jdbc.inTransaction(c -> {
            Optional<Order> found = orders.get(c, id);
            if (found.isEmpty()) {
                LOG.warn("Justification requested for order id {}, which does not exist", id);
                return "NO_SUCH_ORDER";
            }
            Order order = found.get();
            if (order.status() != OrderStatus.RECEIVED) {
                return "ALREADY_DECIDED";
            }
            Instant now = clock.instant();
            JustificationDecision decision = decide(order, now);
            applier.apply(c, order, decision, now);
            LOG.info("Order {} (accession {}): {} under rule set {}", order.placerOrderNumber(),
                    order.accessionNumber(), decision.outcome(), decision.ruleSetVersion());
            return decision.outcome().name();
        });
    }

    private JustificationDecision decide(Order order, Instant now) {
        JustificationGate gate = gates.get();
        ReferralAssembler.Result result = assembler.assemble(order);
        if (result instanceof ReferralAssembler.Assembled a) {
            return gate.evaluate(a.referral());
        }
        ReferralAssembler.Unreadable u = (ReferralAssembler.Unreadable) result;
        return UnreadableReferral.decision(gate.rules(), order.placerOrderNumber(), u.problems(), now);
    }
}
