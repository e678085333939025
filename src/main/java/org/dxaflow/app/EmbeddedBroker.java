package org.dxaflow.app;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * ActiveMQ Artemis inside the engine, persisting to a journal under the data directory. Only the
 * in-VM acceptor is opened: nothing outside the process talks to it, so it takes no port.
 *
 * <p>Every send to a durable queue returns only once the journal has been synced, which is what
 * lets the HL7 listener answer AA honestly.
 */
public final class EmbeddedBroker implements AutoCloseable {

    public static final String DEAD_LETTER_QUEUE = "dlq.dxaflow";

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final int serverId;

    public EmbeddedBroker(Path dataDir, int serverId, int maxDeliveryAttempts, long redeliveryDelayMs,
            int journalBufferTimeoutMicros) {
        this.serverId = serverId;
        Path broker = dataDir.resolve("broker");
        Configuration cfg = new ConfigurationImpl();
        cfg.setName("dxaflow-embedded");
        cfg.setPersistenceEnabled(true);
        cfg.setSecurityEnabled(false);
        cfg.setJMXManagementEnabled(false);
        // NIO everywhere: the same behaviour with or without libaio on the host.
        cfg.setJournalType(JournalType.NIO);
        cfg.setJournalDirectory(broker.resolve("journal").toString());
        cfg.setBindingsDirectory(broker.resolve("bindings").toString());
        cfg.setPagingDirectory(broker.resolve("paging").toString());
        cfg.setLargeMessagesDirectory(broker.resolve("large-messages").toString());
        cfg.setJournalSyncNonTransactional(true);
        // How long the journal gathers writes before one sync. Artemis' NIO default (3.33 ms) suits
        // many concurrent producers; intake answers each sender only after its sync, so a shorter
        // wait is a shorter ACK latency for every MLLP connection and DICOM association.
        cfg.setJournalBufferTimeout_NIO(journalBufferTimeoutMicros * 1000);
        cfg.setJournalSyncTransactional(true);
        cfg.setGracefulShutdownEnabled(true);
        cfg.setGracefulShutdownTimeout(10_000);
        try {
            cfg.addAcceptorConfiguration("in-vm", "vm://" + serverId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        cfg.addAddressSetting("dxaflow.#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                .setExpiryAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                .setMaxDeliveryAttempts(maxDeliveryAttempts)
                .setRedeliveryDelay(redeliveryDelayMs)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000));
        // Dead letters are kept until someone resends or deletes them.
        // The dead letter queue is where messages stop: a failed attempt to handle one of them
        // (resending from the console) leaves it where it is, however often.
        cfg.addAddressSetting(DEAD_LETTER_QUEUE, new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                .setMaxDeliveryAttempts(-1)
                .setExpiryAddress(SimpleString.of(DEAD_LETTER_QUEUE)));
        cfg.addQueueConfiguration(QueueConfiguration.of(DEAD_LETTER_QUEUE).setRoutingType(RoutingType.ANYCAST)
                .setDurable(true));
        server.setConfiguration(cfg);
    }

    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Embedded broker failed to start: " + e.getMessage(), e);
        }
    }

    /** The URL clients in this JVM connect with. */
    public String clientUrl() {
        return "vm://" + serverId;
    }

    public boolean isActive() {
        return server.getActiveMQServer() != null && server.getActiveMQServer().isActive();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Embedded broker failed to stop cleanly", e);
        }
    }
}
