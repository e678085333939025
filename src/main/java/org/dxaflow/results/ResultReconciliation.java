package org.dxaflow.results;

import java.util.List;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.results.ResultStore.StoredResult;
import org.dxaflow.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files stored results again: UNMATCHED ones when an order that may be theirs arrives
 * (routes/order-processing.camel.yaml, before the order is justified, so an exposure that came
 * first is seen as one), by hand when an operator names the order, and after a mapping fix by
 * reading the source again. Each re-filing keeps the earlier outcome ({@link ResultHistory}).
 */
public final class ResultReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(ResultReconciliation.class);

    /** The result or order asked for does not exist (REST: 404). */
    public static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** The result's state does not allow it (REST: 409). */
    public static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    private final Jdbc jdbc;
    private final ResultStore results;
    private final OrderStore orders;
    private final ResultSources sources;
    private final ResultMatcher matcher;
    private final ResultEvaluator evaluator;
    private final ResultFiling filing;

    public ResultReconciliation(Jdbc jdbc, ResultStore results, OrderStore orders, ResultSources sources,
            ResultMatcher matcher, ResultEvaluator evaluator, ResultFiling filing) {
        this.jdbc = jdbc;
        this.results = results;
        this.orders = orders;
        this.sources = sources;
        this.matcher = matcher;
        this.evaluator = evaluator;
        this.filing = filing;
    }

    /**
     * Tries again to match the UNMATCHED results that name these new orders. A result that still
     * cannot be matched, or cannot be read, stays on the reconciliation list as it was: this step
     * must never hold up the orders themselves.
     */
    public void retryFor(List<Long> orderIds) {
        for (long orderId : orderIds) {
            for (long resultId : results.unmatchedNaming(orderId)) {
                try {
                    rematch(resultId, orderId);
                } catch (RuntimeException e) {
                    LOG.warn("Result {} could not be matched again for order {} ({}): left UNMATCHED", resultId,
                            orderId, e.getClass().getSimpleName());
                }
            }
        }
    }

    private void rematch(long resultId, long orderId) {
        StoredResult previous = results.get(resultId).orElseThrow();
        if (previous.status() != ResultStatus.UNMATCHED) {
            return;
        }
        IncomingResult in = sources.reread(previous);
        ResultMatcher.Match match = matcher.match(in.outcome().identifiers());
        if (!in.outcome().isMapped() || !match.matched()) {
            return;
        }
        file(previous, evaluator.evaluate(in, match), ResultHistory.Action.REMATCHED, null,
                "order " + orderId + " arrived after the result");
    }

    /**
     * An operator files an UNMATCHED result under the order they name.
     *
     * @throws NotFound no such result or order
     * @throws Conflict the result is not UNMATCHED, cannot be read, or belongs to another patient
     */
    public StoredResult matchByHand(long resultId, long orderId, String operator, String reason) {
        StoredResult previous = results.get(resultId).orElseThrow(() -> new NotFound("no result with id " + resultId));
        if (previous.status() != ResultStatus.UNMATCHED) {
            throw new Conflict("result " + resultId + " is " + previous.status()
                    + "; only UNMATCHED results are matched by hand");
        }
        if (orders.get(orderId).isEmpty()) {
            throw new NotFound("no order with id " + orderId);
        }
        IncomingResult in = reread(previous);
        if (!in.outcome().isMapped()) {
            throw new Conflict("result " + resultId + " no longer reads through the mappings (" + in.outcome().error()
                    + "); fix the mapping and reprocess it first");
        }
        ResultMatcher.Match match = matcher.byHand(orderId, in.outcome().identifiers());
        if (!match.matched()) {
            throw new Conflict(match.reason());
        }
        return file(previous, evaluator.evaluate(in, match), ResultHistory.Action.MATCHED_BY_HAND, operator, reason);
    }

    /**
     * Reads a result's source again through the current mappings, matches and computes it again.
     * An order an operator chose stays chosen (checked again against the patient).
     *
     * @throws NotFound no such result
     * @throws Conflict its source is gone, or it was filed again meanwhile
     */
    public StoredResult reprocess(long resultId, String operator, String reason) {
        StoredResult previous = results.get(resultId).orElseThrow(() -> new NotFound("no result with id " + resultId));
        IncomingResult in = reread(previous);
        ResultMatcher.Match match = ResultMatcher.BY_HAND.equals(previous.matchMethod()) && previous.orderId() != null
                ? matcher.byHand(previous.orderId(), in.outcome().identifiers())
                : matcher.match(in.outcome().identifiers());
        return file(previous, evaluator.evaluate(in, match), ResultHistory.Action.REPROCESSED, operator, reason);
    }

    private IncomingResult reread(StoredResult previous) {
        try {
            return sources.reread(previous);
        } catch (ResultSources.SourceUnavailable e) {
            throw new Conflict(e.getMessage());
        }
    }

    private StoredResult file(StoredResult previous, StoredResult draft, ResultHistory.Action action, String operator,
            String reason) {
        StoredResult stored;
        try {
            stored = jdbc.inTransaction(c -> filing.file(c, draft,
                    new ResultFiling.Refiling(previous, action, operator, reason)));
        } catch (ResultFiling.ChangedMeanwhile e) {
            throw new Conflict(e.getMessage());
        }
        ResultPipeline.log(stored, " (" + action + ", was " + previous.status() + ")");
        return stored;
    }
}
