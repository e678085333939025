package org.dxaflow.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.List;
import org.dxaflow.results.StoredObjectEvent;
import org.dxaflow.results.StoredObjectEvents;

/**
 * Puts stored-object events on the durable queue {@value #QUEUE} as JSON, a batch per JMS
 * transaction: the commit returns once the broker has the batch on disk, one journal sync for
 * however many objects arrived meanwhile. The route {@code stored-objects} reads them.
 */
final class StoredObjectQueue implements StoredObjectEvents {

    static final String QUEUE = "dxaflow.dicom.stored";

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
