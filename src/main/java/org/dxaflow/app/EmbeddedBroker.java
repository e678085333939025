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

    /**
     * Messages on a queue now (delivering and scheduled redeliveries included), or -1 when the
     * queue does not exist yet: Artemis creates a queue on its first send or consumer.
     */
    public long messageCount(String queue) {
        org.apache.activemq.artemis.core.server.ActiveMQServer s = server.getActiveMQServer();
        org.apache.activemq.artemis.core.server.Queue q = s == null ? null : s.locateQueue(SimpleString.of(queue));
        return q == null ? -1 : q.getMessageCount();
    }

    /**
     * Dead letters by the queue they died on (Artemis stamps {@code _AMQ_ORIG_QUEUE} on each), for
     * one dead letter queue. Browsing is fine here: a dead letter queue is small, and the caller caches.
     */
    public java.util.Map<String, Long> deadLettersByOrigin(String deadLetterQueue) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        org.apache.activemq.artemis.core.server.ActiveMQServer s = server.getActiveMQServer();
        org.apache.activemq.artemis.core.server.Queue q = s == null ? null
                : s.locateQueue(SimpleString.of(deadLetterQueue));
        if (q == null) {
            return out;
        }
        try (var it = q.browserIterator()) {
            while (it.hasNext()) {
                Object origin = it.next().getMessage()
                        .getObjectProperty(org.apache.activemq.artemis.api.core.Message.HDR_ORIGINAL_QUEUE);
                out.merge(origin == null ? deadLetterQueue : origin.toString(), 1L, Long::sum);
            }
        }
        return out;
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
