package org.dxaflow.results;

import org.dxaflow.gate.ExposureIncident;
import org.dxaflow.results.ResultStore.StoredResult;
import org.dxaflow.store.Jdbc;
import org.dxaflow.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one results pipeline both sources feed (routes/results.camel.yaml): match the result to its
 * order, evaluate it ({@link ResultEvaluator}) and file it with its provenance ({@link ResultFiling}).
 * Every result is stored exactly once per source object, whatever happens: unmappable, unmatched,
 * not computable, or computed. Only a failure to store throws, so the queue redelivers; a
 * redelivered result that was stored is recognised and left alone.
 */
public final class ResultPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(ResultPipeline.class);

    private final Jdbc jdbc;
    private final ResultStore results;
    private final ResultMatcher matcher;
    private final ResultEvaluator evaluator;
    private final ResultFiling filing;

    public ResultPipeline(Jdbc jdbc, ResultStore results, ResultMatcher matcher, ResultEvaluator evaluator,
            ResultFiling filing) {
        this.jdbc = jdbc;
        this.results = results;
        this.matcher = matcher;
        this.evaluator = evaluator;
        this.filing = filing;
    }

    /** Returns the stored status, or DUPLICATE when this source object was stored before. */
    public String process(IncomingResult in) {
        if (results.bySource(in.sourceType(), in.sourceRef()).isPresent()) {
            LOG.info("Result {} already stored; not processed again", in.describe());
            return "DUPLICATE";
        }
        StoredResult draft = evaluator.evaluate(in, matcher.match(in.outcome().identifiers()));
        StoredResult stored;
        try {
            stored = jdbc.inTransaction(c -> filing.file(c, draft, null));
        } catch (StoreException e) {
            if (results.bySource(draft.sourceType(), draft.sourceRef()).isPresent()) {
                return "DUPLICATE"; // stored meanwhile by a redelivery of the same object
            }
            throw e;
        }
        log(stored, "");
        return stored.status().name();
    }

    /** Identifiers and outcome only: never patient data. */
    static void log(StoredResult r, String how) {
        LOG.info("Result {} via mapping {}: {}{}{}{} (accession {})", r.sourceType() + " " + r.sourceRef(),
                r.mapping(), r.status(), r.orderId() == null ? "" : " for order " + r.orderId(),
                r.warnings().stream().anyMatch(w -> w.startsWith(ExposureIncident.CODE)) ? ", " + ExposureIncident.CODE
                        : "", how,
                r.identifiers().accessionNumber());
    }
}
