package org.dxaflow.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.dxaflow.worklist.ProcedureStepEvent;
import org.dxaflow.worklist.ProcedureStepEvents;

/**
 * Hands MPPS events, as JSON, to the route that puts them on their durable queue. The send
 * returns once the broker has the message on disk, which is what lets the MPPS SCP answer success
 * honestly. (Stored objects go
 * through {@link StoredObjectQueue}: for them the spool is the durable record.)
 */
public final class QueueEvents implements ProcedureStepEvents {

    /**
     * routes/worklist.camel.yaml carries the event onto the durable queue; direct: is synchronous, so
     * the send still returns only once the message is on disk.
     */
    public static final String MPPS_EVENTS = "direct:dicom-mpps";

    private final ProducerTemplate producer;
    private final ObjectMapper json;

    public QueueEvents(ProducerTemplate producer, ObjectMapper json) {
        this.producer = producer;
        this.json = json;
    }

    @Override
    public void publish(ProcedureStepEvent event) {
        producer.sendBody(MPPS_EVENTS, toJson(event));
    }

    private String toJson(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
