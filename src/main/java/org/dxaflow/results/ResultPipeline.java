package org.dxaflow.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dxaflow.densitometry.DensitometryCalculator;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.densitometry.PriorScan;
import org.dxaflow.densitometry.ScanInput;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.results.mapping.MappingOutcome;
import org.dxaflow.store.Jdbc;
import org.dxaflow.pathway.StatusChange;
import org.dxaflow.pathway.StatusChanges;
import org.dxaflow.store.OrderStore;
import org.dxaflow.store.ResultStore;
import org.dxaflow.store.ResultStore.StoredResult;
import org.dxaflow.store.StoreException;
import org.dxaflow.store.StoredObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one results pipeline both sources feed (routes/results.camel.yaml): match the result to its
 * order, compute the densitometry with the patient's context and most recent prior, and store it
 * with its provenance. Every result is stored exactly once per source object, whatever happens:
 * unmappable (with the mapping error), unmatched (with the reason, for reconciliation), matched but
 * not computable (with what is missing), or computed. Only a failure to store throws, so the queue
 * redelivers; a redelivered result that was stored is recognised and left alone.
 */
public final class ResultPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(ResultPipeline.class);

    private final Jdbc jdbc;
    private final ResultStore results;
    private final StoredObjectStore storedObjects;
    private final ResultMatcher matcher;
    private final OrderStore orders;
    private final StatusChanges statuses;
    private final ClinicalContextReader contexts;
    private final DensitometryCalculator calculator;
    private final ObjectMapper json;
    private final Clock clock;

    /** @param json the densitometry mapper (plain decimals), used for the stored JSON */
    public ResultPipeline(Jdbc jdbc, ResultStore results, StoredObjectStore storedObjects, ResultMatcher matcher,
                          OrderStore orders, StatusChanges statuses, ClinicalContextReader contexts,
                          DensitometryCalculator calculator, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.results = results;
        this.storedObjects = storedObjects;
        this.matcher = matcher;
        this.orders = orders;
        this.statuses = statuses;
        this.contexts = contexts;
        this.calculator = calculator;
        this.json = json;
        this.clock = clock;
    }

    /** Returns the stored status, or DUPLICATE when this source object was stored before. */
    public String process(IncomingResult in) {
        if (results.bySource(in.sourceType(), in.sourceRef()).isPresent()) {
            LOG.info("Result {} already stored; not processed again", in.describe());
            return "DUPLICATE";
        }
        MappingOutcome o = in.outcome();
        ResultMatcher.Match match = matcher.match(o.identifiers());
        List<String> warnings = new ArrayList<>(match.warnings());
        Draft d = new Draft(in, o, match, warnings);
        if (!o.isMapped()) {
            return store(d.with(ResultStatus.UNMAPPABLE, o.error()));
        }
        warnings.addAll(o.result().warnings());
        if (!match.matched()) {
            return store(d.with(ResultStatus.UNMATCHED, match.reason()));
        }
        Order order = orders.get(match.orderId()).orElseThrow();
        ClinicalContext ctx = contexts.read(order);
        LocalDate scanDate = o.result().details().scanDate();
        List<String> problems = new ArrayList<>(ctx.problems());
        if (scanDate == null) {
            problems.add("the result has no scan date: age at scan and serial change need it");
        } else if (ctx.birthDate() != null && ctx.birthDate().isAfter(scanDate)) {
            problems.add("the patient's birth date is after the scan date");
        }
        if (!problems.isEmpty()) {
            return store(d.with(ResultStatus.NOT_COMPUTED, String.join("; ", problems)));
        }
        Optional<ResultStore.Prior> prior = results.priorFor(order.patient().id(), scanDate);
        ScanDetails details = o.result().details();
        ScanInput input = new ScanInput(ctx.sex(), ctx.birthDate(), scanDate, details.scale(),
                ctx.menopausal(), ctx.menopausalSource(), ctx.fragilityFracture(), false, o.result().vfa(),
                details.device(), o.result().measurements(),
                prior.map(p -> new PriorScan(p.scanDate(), p.scale(), p.device(), p.measurements())).orElse(null),
                ctx.referral());
        DensitometryResult result = calculator.compute(input);
        ComputationInputs inputs = new ComputationInputs(ctx.sex(), input.ageAtScan(), scanDate,
                details.manufacturer(), input.manufacturer(), input.device(), ctx.menopausal(), ctx.menopausalSource(),
                ctx.fragilityFracture(), ctx.fragilityFractureSource(), o.result().vfa(),
                o.result().vfa().isEmpty() ? "no VFA findings in the result (mapping " + o.mapping() + ")"
                        : "result, mapping " + o.mapping(),
                prior.map(ResultStore.Prior::id).orElse(null), prior.map(ResultStore.Prior::scanDate).orElse(null),
                prior.map(ResultStore.Prior::scale).orElse(null), prior.map(ResultStore.Prior::device).orElse(null),
                ctx.referral());
        if (result.needsReporterReview()) {
            warnings.add("needs reporter review: " + result.flags().stream()
                    .filter(f -> f.code() == org.dxaflow.densitometry.FlagCode.NEEDS_REPORTER_REVIEW)
                    .map(org.dxaflow.densitometry.Flag::message).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return store(d.computed(write(inputs), write(result), prior.map(ResultStore.Prior::id).orElse(null),
                result.needsReporterReview()));
    }

    /**
     * Results received mean the scan was done: a SCHEDULED or IN_PROGRESS order becomes COMPLETED, as
     * MPPS COMPLETED would make it (some scanners send no MPPS). Any other status is left alone:
     * COMPLETED stays, REPORTED/CANCELLED/... are not the results step's to change.
     */
    static Optional<OrderStatus> statusOnResult(OrderStatus now) {
        return now == OrderStatus.SCHEDULED || now == OrderStatus.IN_PROGRESS ? Optional.of(OrderStatus.COMPLETED)
                : Optional.empty();
    }

    private String store(StoredResult r) {
        try {
            jdbc.inTransaction(c -> {
                results.insert(c, r);
                if (r.storedObjectId() != null && r.orderId() != null) {
                    storedObjects.linkToOrder(c, r.storedObjectId(), r.orderId());
                }
                if (r.status() == ResultStatus.COMPUTED) {
                    Optional<Order> order = orders.get(c, r.orderId());
                    Optional<OrderStatus> next = order.flatMap(o -> statusOnResult(o.status()));
                    if (next.isPresent()) {
                        statuses.change(c, order.get(), next.get(),
                                new StatusChange.Reason("RESULT", "Scanner results received"), clock.instant());
                    }
                }
                return null;
            });
        } catch (StoreException e) {
            if (results.bySource(r.sourceType(), r.sourceRef()).isPresent()) {
                return "DUPLICATE"; // stored meanwhile by a redelivery of the same object
            }
            throw e;
        }
        LOG.info("Result {} via mapping {}: {}{} (accession {})", r.sourceType() + " " + r.sourceRef(),
                r.mapping(), r.status(), r.orderId() == null ? "" : " for order " + r.orderId(),
                r.identifiers().accessionNumber());
        return r.status().name();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parts of a stored result known before its outcome is decided. */
    private final class Draft {
        private final IncomingResult in;
        private final MappingOutcome o;
        private final ResultMatcher.Match match;
        private final List<String> warnings;

        Draft(IncomingResult in, MappingOutcome o, ResultMatcher.Match match, List<String> warnings) {
            this.in = in;
            this.o = o;
            this.match = match;
            this.warnings = warnings;
        }

        StoredResult with(ResultStatus status, String error) {
            return build(status, error, null, null, null, status == ResultStatus.NOT_COMPUTED);
        }

        StoredResult computed(String inputs, String result, Long priorId, boolean needsReview) {
            return build(ResultStatus.COMPUTED, null, inputs, result, priorId, needsReview);
        }

        private StoredResult build(ResultStatus status, String error, String inputs, String result, Long priorId,
                                   boolean needsReview) {
            Instant now = clock.instant();
            return new StoredResult(null, in.sourceType(), in.sourceRef(), in.storedObjectId(), in.inboundMessageId(),
                    status, error, o.mapping(), match.orderId(), match.method(), o.identifiers(),
                    o.isMapped() ? o.result().details() : null, o.isMapped() ? o.result().measurements() : List.of(),
                    o.isMapped() ? o.result().vfa() : List.of(), needsReview, inputs, result, warnings, priorId, in.receivedAt(), now);
        }
    }
}
