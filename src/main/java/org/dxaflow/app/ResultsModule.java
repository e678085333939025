package org.dxaflow.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.dxaflow.densitometry.DensitometryCalculator;
import org.dxaflow.densitometry.DensitometryConfig;
import org.dxaflow.densitometry.PrecisionStudy;
import org.dxaflow.densitometry.Referral;
import org.dxaflow.densitometry.api.ComputeRequestValidator;
import org.dxaflow.densitometry.api.DensitometryJson;
import org.dxaflow.gate.ExposureGuard;
import org.dxaflow.gate.ExposureIncidents;
import org.dxaflow.justification.ReferralQuestionMapping;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.orderbook.StatusChanges;
import org.dxaflow.results.ClinicalContextReader;
import org.dxaflow.results.ResultEvaluator;
import org.dxaflow.results.ResultFiling;
import org.dxaflow.results.ResultHistory;
import org.dxaflow.results.ResultMatcher;
import org.dxaflow.results.ResultPipeline;
import org.dxaflow.results.ResultReconciliation;
import org.dxaflow.results.ResultSources;
import org.dxaflow.results.ResultStore;
import org.dxaflow.results.StoredObjectStore;
import org.dxaflow.results.mapping.ResultMappings;
import org.dxaflow.store.Jdbc;
import org.dxaflow.web.DensitometryApi;
import org.dxaflow.web.PrecisionStudyApi;
import org.dxaflow.web.ResultReconciliationApi;
import org.dxaflow.web.ResultsApi;

/**
 * The beans of the results step, by the names routes/results.camel.yaml and routes/api.camel.yaml
 * call them: reading results through mappings/results, the pipeline, and the results and
 * densitometry APIs. Conf and mappings are read here, at startup, so a mistake stops the engine
 * with the file named; the result mappings are the engine's, which hot reload may replace.
 */
final class ResultsModule {

    private ResultsModule() {
    }

    /**
     * The results' JSON: {@link DensitometryJson#mapper()}, without the referral's {@code isEmpty()}
     * helper, which would otherwise appear as {@code "empty": false} in every stored result's inputs.
     */
    static JsonMapper json() {
        return DensitometryJson.mapper().rebuild().addMixIn(Referral.class, NoEmptyFlag.class).build();
    }

    /** Ignores a helper getter {@code isEmpty()} when writing, and an old {@code "empty"} when reading. */
    @JsonIgnoreProperties({"empty"})
    private abstract static class NoEmptyFlag {
    }

    static Map<String, Object> beans(DxaflowConfig config, DensitometryConfig densitometry, Jdbc jdbc,
            OrderStore orders, StatusChanges statuses, ExposureGuard exposures, ExposureIncidents incidents,
            ResultFiling.Listener reports, Supplier<ResultMappings> mappings, Clock clock) {
        DensitometryCalculator calculator = new DensitometryCalculator(densitometry);
        JsonMapper json = json();
        ResultStore results = new ResultStore(jdbc, json);
        ReferralQuestionMapping questions = ReferralQuestionMapping.load(
                config.path(DxaflowConfig.MAPPINGS_DIR).resolve("hl7").resolve("referral-questions.yaml"));
        Map<String, Object> beans = new LinkedHashMap<>();
        ResultHistory history = new ResultHistory(jdbc, results);
        ResultMatcher matcher = new ResultMatcher(jdbc);
        ResultEvaluator evaluator = new ResultEvaluator(results, orders, new ClinicalContextReader(questions),
                calculator, json, clock);
        ResultFiling filing = new ResultFiling(results, history, new StoredObjectStore(jdbc), orders, statuses,
                exposures, reports, clock);
        ResultSources sources = new ResultSources(mappings, jdbc);
        ResultsApi resultsApi = new ResultsApi(results, orders, history, incidents, json);
        ResultReconciliation reconciliation = new ResultReconciliation(jdbc, results, orders, sources, matcher,
                evaluator, filing);
        beans.put("resultSources", sources);
        beans.put("resultPipeline", new ResultPipeline(jdbc, results, matcher, evaluator, filing));
        beans.put("resultReconciliation", reconciliation);
        beans.put("resultsApi", resultsApi);
        beans.put("resultReconciliationApi", new ResultReconciliationApi(reconciliation, resultsApi, json));
        beans.put("densitometryApi", new DensitometryApi(calculator, new ComputeRequestValidator(), json));
        beans.put("precisionStudyApi", new PrecisionStudyApi(new PrecisionStudy(), json));
        return beans;
    }
}
