package org.dxaflow.hl7;

/** What the MSH segment says about a message; enough to route, deduplicate and acknowledge it. */
public record MessageHeader(
        String sendingApplication,
        String sendingFacility,
        String receivingApplication,
        String receivingFacility,
        String messageType,
        String triggerEvent,
        String messageStructure,
        String controlId,
        String processingId,
        String version) {

    public static MessageHeader of(Er7Message message) {
        Er7Message.Segment msh = message.msh();
        return new MessageHeader(
                msh.value(3),
                msh.value(4),
                msh.value(5),
                msh.value(6),
                msh.value(9, 1),
                msh.value(9, 2),
                msh.value(9, 3),
                msh.value(10),
                msh.value(11),
                msh.value(12));
    }

    /** {@code ORM^O01}, the form used in logs and errors. */
    public String typeAndTrigger() {
        return messageType + "^" + triggerEvent;
    }
}
