package org.dxaflow.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.List;
import org.dxaflow.results.SpoolAnnouncer;
import org.dxaflow.results.StoredObjectEvent;
import org.dxaflow.results.StoredObjectEvents;

/**
 * Puts stored-object events on the durable queue {@value #QUEUE} as JSON, a batch per JMS
 * transaction: the commit returns once the broker has the batch on disk, one journal sync for
 * however many objects arrived meanwhile. The route {@code stored-objects} reads them.
 */
final class StoredObjectQueue implements StoredObjectEvents {

    static final String QUEUE = "dxaflow.dicom.stored";
    /** Announce once no C-STORE has completed for this long (intake first; see SpoolAnnouncer.Settings). */
    static final String ANNOUNCE_QUIET_MS = "dxaflow.dicom.storage.announce-quiet-ms";
    /** ...but never hold an object back longer than this. */
    static final String ANNOUNCE_MAX_DELAY_MS = "dxaflow.dicom.storage.announce-max-delay-ms";

    /** The announcer's settings: its defaults, with the hold-back the configuration gives. */
    static SpoolAnnouncer.Settings announcerSettings(DxaflowConfig config) {
        SpoolAnnouncer.Settings d = SpoolAnnouncer.Settings.DEFAULTS;
        long quiet = config.getLong(ANNOUNCE_QUIET_MS, d.quiet().toMillis());
        long maxDelay = config.getLong(ANNOUNCE_MAX_DELAY_MS, d.maxDelay().toMillis());
        if (quiet < 0 || maxDelay < 0) {
            throw new IllegalStateException("Configuration keys " + ANNOUNCE_QUIET_MS + " and " + ANNOUNCE_MAX_DELAY_MS
                    + " must be 0 or more milliseconds, got " + quiet + " and " + maxDelay);
        }
        return d.withHoldBack(Duration.ofMillis(quiet), Duration.ofMillis(maxDelay));
    }

    private final ConnectionFactory connections;
    private final ObjectMapper json;

    StoredObjectQueue(ConnectionFactory connections, ObjectMapper json) {
        this.connections = connections;
        this.json = json;
    }

    @Override
    public void publish(List<StoredObjectEvent> events) {
        // A caching factory hands back the same connection and session each time; closing returns them
        // (rolling back a transaction left open by a failure).
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = session.createProducer(session.createQueue(QUEUE))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (StoredObjectEvent event : events) {
                producer.send(session.createTextMessage(json.writeValueAsString(event)));
            }
            session.commit();
        } catch (JMSException | JsonProcessingException e) {
            throw new IllegalStateException("could not queue " + events.size() + " stored-object event(s): "
                    + e.getMessage(), e);
        }
    }
}
