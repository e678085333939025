package org.dxaflow.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.dxaflow.results.StoredObjectEvent;
import org.dxaflow.results.StoredObjectEvents;
import org.dxaflow.worklist.ProcedureStepEvent;
import org.dxaflow.worklist.ProcedureStepEvents;

/**
 * Puts DICOM events on durable queues as JSON. The send returns once the broker has the message
 * on disk, which is what lets the DICOM services answer success honestly.
 */
public final class QueueEvents implements ProcedureStepEvents, StoredObjectEvents {

    public static final String MPPS_QUEUE = "jms:queue:dxaflow.dicom.mpps?exchangePattern=InOnly";
    public static final String STORED_QUEUE = "jms:queue:dxaflow.dicom.stored?exchangePattern=InOnly";

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

    @Override
    public void publish(StoredObjectEvent event) {
        producer.sendBody(STORED_QUEUE, toJson(event));
    }

    private String toJson(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
