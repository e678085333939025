package org.dxaflow.app;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.dxaflow.audit.AuditEvent;
import org.dxaflow.audit.AuditLog;
import org.dxaflow.check.ConfigCheck;
import org.dxaflow.check.HotReload;
import org.dxaflow.check.ReloadListener;
import org.dxaflow.check.Reloadable;
import org.dxaflow.densitometry.DensitometryConfig;
import org.dxaflow.hl7.MessageReader;
import org.dxaflow.justification.JustificationGate;
import org.dxaflow.justification.RuleSetLoader;
import org.dxaflow.results.mapping.ResultMappings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hot reload wired to the engine: routes, the HL7 and result mappings and the justification rules,
 * each swapped in only after the checks {@code dxaflow check} makes pass; every attempt, applied or
 * refused, in the audit trail. referral-questions.yaml is read into beans built once (worklist,
 * referral assembler), so it is not among them: a change to it needs a restart.
 */
final class ReloadModule {

    /** What hot reload may replace while the engine runs; each read once per message by its user. */
    record Reloadables(Reloadable<MessageReader> readers, Reloadable<JustificationGate> gates,
                       Reloadable<ResultMappings> resultMappings) {
    }

    private ReloadModule() {
    }

    /** The watcher, not yet started. */
    static HotReload start(DxaflowConfig config, CamelContext camel, ConnectionFactory connectionFactory,
                           Reloadables live, DensitometryConfig densitometry, AuditLog audit,
                           ReloadListener listener, Clock clock) {
        Path mappings = config.path(DxaflowConfig.MAPPINGS_DIR);
        Path rulesDir = config.path(DxaflowConfig.CONF_DIR).resolve("justification");
        return new HotReload(List.of(
                HotReload.routes(config.path(DxaflowConfig.ROUTES_DIR), camel, CamelSettings.of(config),
                        Map.of("jmsConnectionFactory", connectionFactory)),
                HotReload.swapping("hl7-mappings", mappings.resolve("hl7"),
                        HotReload.yaml().and(f -> !f.getFileName().toString().equals("referral-questions.yaml")),
                        () -> ConfigCheck.hl7Mappings(mappings), () -> MessageReader.fromMappings(mappings),
                        live.readers()),
                HotReload.swapping("result-mappings", mappings.resolve("results"), HotReload.yaml(),
                        () -> ConfigCheck.resultMappings(mappings), () -> ResultMappings.load(mappings.resolve("results")),
                        live.resultMappings()),
                HotReload.swapping("justification", rulesDir, HotReload.yaml(),
                        () -> ConfigCheck.justificationRules(config.path(DxaflowConfig.CONF_DIR)),
                        () -> new JustificationGate(new RuleSetLoader().load(rulesDir),
                                densitometry.menopausalStatus(), clock),
                        live.gates())),
                Duration.ofMillis(config.getInt("dxaflow.reload.debounce-ms", 300)), event -> {
                    // the engine is the actor of a reload
                    audit.record(new AuditEvent(event.at(), "dxaflow", "", "local", "CONFIG_RELOAD", "FILE",
                            event.file(), null, event.applied() ? AuditEvent.SUCCESS : AuditEvent.FAILURE,
                            event.applied() ? event.part() + " reloaded" : String.join("; ", event.problems())));
                    listener.reloaded(event);
                }, clock);
    }
}
