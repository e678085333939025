/**
 * The order's way through the DXA pathway after receipt: every status change in one place
 * ({@link org.dxaflow.pathway.StatusChanges}, also the outbox for the RIS), the pathway times and
 * waiting-time target ({@link org.dxaflow.pathway.ScheduleStore}), the scheduled step without an
 * appointment ({@link org.dxaflow.pathway.SchedulePolicy}, {@code conf/appointments.yaml}) and the
 * RIS's appointments ({@link org.dxaflow.pathway.AppointmentBook}, SIU).
 */
package org.dxaflow.pathway;
