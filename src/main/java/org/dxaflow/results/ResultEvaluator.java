package org.dxaflow.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dxaflow.densitometry.DensitometryCalculator;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.densitometry.Flag;
import org.dxaflow.densitometry.FlagCode;
import org.dxaflow.densitometry.PriorScan;
import org.dxaflow.densitometry.ScanInput;
import org.dxaflow.order.Order;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.results.ResultStore.StoredResult;
import org.dxaflow.results.mapping.MappingOutcome;

/**
 * What one result comes to, given its order match: unmappable (with the mapping error), unmatched
 * (with the reason), matched but not computable (with what is missing), or computed with the
 * patient's context and most recent prior. Stores nothing: {@link ResultFiling} does, whether the
 * result is new or filed again.
 */
public final class ResultEvaluator {

    private final ResultStore results;
    private final OrderStore orders;
    private final ClinicalContextReader contexts;
    private final DensitometryCalculator calculator;
    private final ObjectMapper json;
    private final Clock clock;

    /** @param json the densitometry mapper (plain decimals), used for the stored JSON */
    public ResultEvaluator(ResultStore results, OrderStore orders, ClinicalContextReader contexts,
            DensitometryCalculator calculator, ObjectMapper json, Clock clock) {
        this.results = results;
        this.orders = orders;
        this.contexts = contexts;
        this.calculator = calculator;
        this.json = json;
        this.clock = clock;
    }

    /** The result as it is to be stored (id null). */
    public StoredResult evaluate(IncomingResult in, ResultMatcher.Match match) {
        MappingOutcome o = in.outcome();
        List<String> warnings = new ArrayList<>(match.warnings());
        Draft d = new Draft(in, match, warnings);
        if (!o.isMapped()) {
            return d.with(ResultStatus.UNMAPPABLE, o.error());
        }
        warnings.addAll(o.result().warnings());
        if (!match.matched()) {
            return d.with(ResultStatus.UNMATCHED, match.reason());
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
            return d.with(ResultStatus.NOT_COMPUTED, String.join("; ", problems));
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
                    .filter(f -> f.code() == FlagCode.NEEDS_REPORTER_REVIEW)
                    .map(Flag::message).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return d.computed(write(inputs), write(result), prior.map(ResultStore.Prior::id).orElse(null),
                result.needsReporterReview());
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

        Draft(IncomingResult in, ResultMatcher.Match match, List<String> warnings) {
            this.in = in;
            this.o = in.outcome();
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
            return new StoredResult(null, in.sourceType(), in.sourceRef(), in.storedObjectId(), in.inboundMessageId(),
                    status, error, o.mapping(), match.orderId(), match.method(), o.identifiers(),
                    o.isMapped() ? o.result().details() : null, o.isMapped() ? o.result().measurements() : List.of(),
                    o.isMapped() ? o.result().vfa() : List.of(), needsReview, inputs, result, warnings, priorId,
                    in.receivedAt(), clock.instant());
        }
    }
}
