package org.dxaflow.app;

import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.dxaflow.hl7.IntakeDecision;

/**
 * Counts each HL7 message when the intake route (routes/order-intake.camel.yaml) is done with it,
 * from what the route left on the exchange: the intake decision and the ACK it answers with. An
 * event notifier rather than a step in the route, so the route stays about HL7 and an edited
 * route cannot lose the figures.
 */
final class Hl7MetricsNotifier extends EventNotifierSupport {

    /** The route id in routes/order-intake.camel.yaml. */
    static final String INTAKE_ROUTE = "hl7-intake";
    /** Where the intake route puts Hl7Intake's decision, and camel-mllp finds the ACK to send. */
    private static final String INTAKE = "intake";
    private static final String ACK = "CamelMllpAcknowledgementString";

    private final EngineMetrics metrics;
    /** The clock Hl7Intake stamps receipt with, so the latency is measured on one clock. */
    private final java.time.Clock clock;

    Hl7MetricsNotifier(EngineMetrics metrics, java.time.Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        // only exchange completion/failure: the other events would cost time on every exchange
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        if (!INTAKE_ROUTE.equals(exchange.getFromRouteId())) {
            return;
        }
        IntakeDecision d = exchange.getProperty(INTAKE, IntakeDecision.class);
        String ack = ackCode(exchange.getProperty(ACK, String.class));
        Instant received = d == null ? null : d.receivedAt();
        metrics.hl7(d == null || d.header() == null ? null : d.header().typeAndTrigger(), ack,
                d == null || d.error() == null ? null : d.error().code(),
                received == null ? Duration.ZERO : Duration.between(received, clock.instant()));
    }

    /** MSA-1 of the ACK (AA, AE, AR), or null when none is sent. */
    static String ackCode(String ack) {
        if (ack == null) {
            return null;
        }
        int msa = ack.indexOf("MSA");
        while (msa > 0 && ack.charAt(msa - 1) != '\r' && ack.charAt(msa - 1) != '\n') {
            msa = ack.indexOf("MSA", msa + 3);
        }
        if (msa < 0 || ack.length() < msa + 6) {
            return null;
        }
        char sep = ack.charAt(msa + 3);
        int end = ack.indexOf(sep, msa + 4);
        int cr = ack.indexOf('\r', msa + 4);
        if (end < 0 || (cr >= 0 && cr < end)) {
            end = cr < 0 ? ack.length() : cr;
        }
        String code = ack.substring(msa + 4, end);
        // only the table 0008 codes: a label must never take free text
        return code.matches("[AC][AER]") ? code : "other";
    }
}
