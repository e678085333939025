package org.dxaflow.gate;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.dxaflow.justification.DecisionAlreadyFinalException;
import org.dxaflow.justification.JustificationDecision;
import org.dxaflow.justification.PractitionerDecision;
import org.dxaflow.justification.PractitionerReview;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.orderbook.StatusConflictException;
import org.dxaflow.store.Jdbc;
import org.dxaflow.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A practitioner's decision on an order: recorded as a new decision (the earlier ones stay in the
 * audit trail), and the order moves on as for any decision. Three cases:
 * <ul>
 * <li>an order held for review (AWAITING_JUSTIFICATION): any decision;</li>
 * <li>an order whose patient was exposed without justification (an open incident): any decision,
 *     over whatever was decided before; it is recorded as retrospective;</li>
 * <li>a SCHEDULED order the rules justified (AUTO) and nobody has scanned yet: RETURN or REJECT
 *     takes the justification back, off the worklist, and the RIS is told.</li>
 * </ul>
 */
public final class PractitionerJustification {

    private static final Logger LOG = LoggerFactory.getLogger(PractitionerJustification.class);
    /** SQLSTATE of a unique key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbc jdbc;
    private final OrderStore orders;
    private final DecisionStore decisions;
    private final ExposureIncidents incidents;
    private final PractitionerReview review;
    private final DecisionApplier applier;
    private final Clock clock;

    public PractitionerJustification(Jdbc jdbc, OrderStore orders, DecisionStore decisions,
            ExposureIncidents incidents, PractitionerReview review, DecisionApplier applier, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.decisions = decisions;
        this.incidents = incidents;
        this.review = review;
        this.applier = applier;
        this.clock = clock;
    }

    /**
     * Applies the decision and returns the order as it is now.
     *
     * @throws NoSuchOrderException           unknown order
     * @throws DecisionAlreadyFinalException  the order's decision is final and none of the cases above applies
     * @throws DecisionConflictException      the order is not awaiting a practitioner
     * @throws IllegalArgumentException       the decision is incomplete (no comment on a return...)
     */
    public Order decide(long orderId, PractitionerDecision decision) {
        try {
            return jdbc.inTransaction(c -> {
                Order order = orders.get(c, orderId).orElseThrow(() -> new NoSuchOrderException(orderId));
                StoredDecision pending = decisions.latest(c, orderId).orElseThrow(() -> new DecisionConflictException(
                        "Order " + order.placerOrderNumber() + " has not been evaluated yet"));
                boolean exposed = incidents.forOrder(c, orderId).stream().anyMatch(ExposureIncident::isOpen);
                JustificationDecision decided;
                if (!pending.decision().outcome().isFinal()) {
                    if (order.status() != OrderStatus.AWAITING_JUSTIFICATION) {
                        throw new DecisionConflictException("Order " + order.placerOrderNumber() + " is "
                                + order.status() + " and no longer awaits justification");
                    }
                    decided = review.apply(pending.decision(), decision);
                } else if (exposed) {
                    decided = review.override(pending.decision(), decision,
                            "reviewed after the patient was exposed (IRMER incident)");
                } else if (order.status() == OrderStatus.SCHEDULED) {
                    decided = review.takeBack(pending.decision(), decision);
                } else {
                    decided = review.apply(pending.decision(), decision);
                }
                applier.apply(c, order, decided, clock.instant());
                LOG.info("Order {} (accession {}): {} by practitioner {}", order.placerOrderNumber(),
                        order.accessionNumber(), decided.outcome(), decision.practitioner().id());
                return orders.get(c, orderId).orElseThrow();
            });
        } catch (StatusConflictException e) {
            throw new DecisionConflictException(e.getMessage());
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                throw new DecisionConflictException("Order " + orderId + " was decided by someone else just now");
            }
            throw e;
        }
    }
}
