package org.dxaflow.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.dxaflow.worklist.ProcedureStepEvent;
import org.dxaflow.worklist.ProcedureStepEvents;

/**
 * Puts MPPS events on their durable queue as JSON. The send returns once the broker has the
 * message on disk, which is what lets the MPPS SCP answer success honestly. (Stored objects go
 * through {@link StoredObjectQueue}: for them the spool is the durable record.)
 */
public final class QueueEvents implements ProcedureStepEvents {

    public static final String MPPS_QUEUE = "jms:queue:dxaflow.dicom.mpps?exchangePattern=InOnly";

    private final ProducerTemplate producer;
    private final ObjectMapper json;

    public QueueEvents(ProducerTemplate producer, ObjectMapper json) {
        this.producer = producer;
        this.json = json;
    }

    @Override
    public void publish(ProcedureStepEvent event) {
        producer.sendBody(MPPS_QUEUE, toJson(event));
    }

    private String toJson(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
