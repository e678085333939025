package org.dxaflow.pathway;

/** Where the date of an order's scheduled (worklist) step came from. */
public enum ScheduleSource {
    /** The RIS booked an appointment (SIU^S12/S13/S14). */
    APPOINTMENT,
    /** No appointment: the date the referral asked for (TQ1-7 / ORC-7 / OBR-27). */
    REQUESTED_DATE,
    /** No appointment and no usable requested date: the next working day. */
    NEXT_WORKING_DAY,
    /** Held back to the first working day on or after the earliest scan date (recent NM/contrast study). */
    EARLIEST_SCAN_DATE
}
