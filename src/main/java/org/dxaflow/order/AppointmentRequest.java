package org.dxaflow.order;

/**
 * An appointment as an SIU message from the RIS describes it, read through
 * {@code mappings/hl7/appointment.yaml}: which order it is for and when.
 *
 * @param start        appointment start (local wall-clock time); {@link SentDate#NONE} when not sent
 * @param fillerStatus SCH-25 (HL7 table 0278: Booked, Cancelled, Noshow...), for the record only
 */
public record AppointmentRequest(
        String placerOrderNumber,
        String fillerOrderNumber,
        String appointmentId,
        SentDate start,
        String fillerStatus) {

    public AppointmentRequest {
        placerOrderNumber = nz(placerOrderNumber);
        fillerOrderNumber = nz(fillerOrderNumber);
        appointmentId = nz(appointmentId);
        start = start == null ? SentDate.NONE : start;
        fillerStatus = nz(fillerStatus);
    }

    public boolean identifiesAnOrder() {
        return !placerOrderNumber.isEmpty() || !fillerOrderNumber.isEmpty();
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
