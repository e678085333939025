package org.dxaflow.hl7;

import java.util.List;
import org.dxaflow.order.AppointmentRequest;
import org.dxaflow.order.PatientDemographics;

/** An inbound message read through the mappings: who it is about and what it asks for. */
public record MappedMessage(
        MessageHeader header,
        String handler,
        boolean hasPid,
        PatientDemographics patient,
        List<OrderMapper.MappedOrder> orders,
        MergeMapper.PriorIdentifiers prior,
        AppointmentRequest appointment) {

    public MappedMessage {
        orders = List.copyOf(orders);
    }

    public boolean isOrder() {
        return "order".equals(handler);
    }

    /** An SIU: the appointment of an order. */
    public boolean isAppointment() {
        return "appointment".equals(handler);
    }

    /** A result from the scanner (ORU^R01): recorded here, read by the results pipeline. */
    public boolean isResult() {
        return "result".equals(handler);
    }

    public boolean isMerge() {
        return "ADT".equals(header.messageType()) && "A40".equals(header.triggerEvent());
    }
}
