package org.dxaflow.results;

import org.dxaflow.gate.ExposureIncident;
import org.dxaflow.results.ResultStore.StoredResult;
import org.dxaflow.store.Jdbc;
import org.dxaflow.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one results pipeline both sources feed (routes/results.camel.yaml, which shows its steps): a
 * result read through the mappings is matched to its order, computed ({@link ResultEvaluator}) and
 * stored with its provenance ({@link ResultFiling}).
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

    /** A result read through the mappings, with the order it was matched to (or none). */
    public record Matched(IncomingResult result, ResultMatcher.Match match) {
    }

    /** True when this source object was stored before (a redelivery): it is not processed again. */
    public boolean alreadyStored(IncomingResult in) {
        if (results.bySource(in.sourceType(), in.sourceRef()).isPresent()) {
            LOG.info("Result {} already stored; not processed again", in.describe());
            return true;
        }
        return false;
    }

    /** Step 2: the order the result belongs to (Study Instance UID, accession, patient and date). */
    public Matched match(IncomingResult in) {
        return new Matched(in, matcher.match(in.outcome().identifiers()));
    }

    /** Step 3: the densitometry, or why there is none (unmappable, unmatched, not computable). */
    public StoredResult compute(Matched matched) {
        return evaluator.evaluate(matched.result(), matched.match());
    }

    /** Step 4: stored once, with what follows for the order; returns the stored status, or DUPLICATE. */
    public String store(StoredResult draft) {
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
