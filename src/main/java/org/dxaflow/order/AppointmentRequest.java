package org.dxaflow.order;

/**
 * An appointment as an SIU message from the RIS describes it, read through
 * {@code mappings/hl7/appointment.yaml}: which order it is for and when.
 *
 * @param start        appointment start as HL7 TS (local wall-clock time), empty when not sent
 * @param fillerStatus SCH-25 (HL7 table 0278: Booked, Cancelled, Noshow...), for the record only
 */
public record AppointmentRequest(
        String placerOrderNumber,
        String fillerOrderNumber,
        String appointmentId,
        String start,
        String fillerStatus) {

    public AppointmentRequest {
        placerOrderNumber = nz(placerOrderNumber);
        fillerOrderNumber = nz(fillerOrderNumber);
        appointmentId = nz(appointmentId);
        start = nz(start);
        fillerStatus = nz(fillerStatus);
    }

    public boolean identifiesAnOrder() {
        return !placerOrderNumber.isEmpty() || !fillerOrderNumber.isEmpty();
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
