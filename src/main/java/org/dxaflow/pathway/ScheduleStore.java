package org.dxaflow.pathway;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dxaflow.order.Order;
import org.dxaflow.store.Jdbc;

/** The {@code order_schedule} and {@code appointment_event} tables. */
public final class ScheduleStore {

    private final Jdbc jdbc;
    private final SchedulePolicy policy;

    public ScheduleStore(Jdbc jdbc, SchedulePolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    public Optional<OrderSchedule> find(long orderId) {
        return jdbc.queryOne("SELECT * FROM order_schedule WHERE order_id = ?", ScheduleStore::map, orderId);
    }

    public Optional<OrderSchedule> find(Connection c, long orderId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT * FROM order_schedule WHERE order_id = ?", ScheduleStore::map, orderId);
    }

    /** Schedules of several orders at once, for order lists. */
    public Map<Long, OrderSchedule> find(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        String marks = orderIds.stream().map(id -> "?").collect(Collectors.joining(","));
        Map<Long, OrderSchedule> out = new HashMap<>();
        jdbc.query("SELECT * FROM order_schedule WHERE order_id IN (" + marks + ")", ScheduleStore::map,
                orderIds.toArray()).forEach(s -> out.put(s.orderId(), s));
        return out;
    }

    /** The order's schedule, created with its receipt time and target date the first time it is needed. */
    public OrderSchedule ensure(Connection c, Order order, Instant now) throws SQLException {
        Optional<OrderSchedule> existing = locked(c, order.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        // Two first-timers racing both insert; the loser's transaction fails and its message is redelivered.
        Jdbc.update(c, "INSERT INTO order_schedule (order_id, referral_received_at, target_date, updated_at)"
                + " VALUES (?,?,?,?)", order.id(), order.receivedAt(), policy.targetDate(order.receivedAt()), now);
        return locked(c, order.id()).orElseThrow();
    }

    /**
     * The row, locked until the transaction ends. The gate (which sets a default step unless an
     * appointment is booked) and the RIS's appointments (which book a step) run on different queues
     * at once; each must decide on what the other committed, or the gate's default would overwrite a
     * booking it had not yet seen.
     */
    private Optional<OrderSchedule> locked(Connection c, long orderId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT * FROM order_schedule WHERE order_id = ? FOR UPDATE", ScheduleStore::map,
                orderId);
    }

    public void justified(Connection c, long orderId, Instant at, LocalDate earliestScanDate) throws SQLException {
        Jdbc.update(c, "UPDATE order_schedule SET justified_at = ?, earliest_scan_date = ?, updated_at = ?"
                + " WHERE order_id = ?", at, earliestScanDate, at, orderId);
    }

    public void setStep(Connection c, long orderId, ScheduledStep step, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE order_schedule SET scheduled_date = ?, scheduled_time = ?, schedule_source = ?,"
                + " updated_at = ? WHERE order_id = ?", step.date(), step.time(), step.source(), now, orderId);
    }

    public void setAppointment(Connection c, long orderId, Appointment a, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE order_schedule SET appointment_id = ?, appointment_status = ?, appointment_start = ?,"
                        + " appointment_booked_at = ?, updated_at = ? WHERE order_id = ?",
                a.id(), a.status(), a.start(), a.bookedAt(), now, orderId);
    }

    public void countDidNotAttend(Connection c, long orderId, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE order_schedule SET did_not_attend_count = did_not_attend_count + 1, updated_at = ?"
                + " WHERE order_id = ?", now, orderId);
    }

    /** For the modality step (MPPS in progress): the scan time KPI. */
    public void scanStarted(Connection c, long orderId, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE order_schedule SET scan_started_at = COALESCE(scan_started_at, ?), updated_at = ?"
                + " WHERE order_id = ?", at, at, orderId);
    }

    public void recordEvent(Connection c, long orderId, Long messageId, String event, Appointment a,
            String fillerStatus, Instant at) throws SQLException {
        Jdbc.update(c, "INSERT INTO appointment_event (order_id, message_id, event, appointment_id, appointment_start,"
                        + " filler_status, at) VALUES (?,?,?,?,?,?,?)",
                orderId, messageId, event, a.id(), a.start(), Jdbc.fit(fillerStatus, 32), at);
    }

    private static OrderSchedule map(ResultSet rs) throws SQLException {
        LocalDate day = Jdbc.date(rs, "scheduled_date");
        String source = rs.getString("schedule_source");
        ScheduledStep step = day == null || source == null ? null
                : new ScheduledStep(day, rs.getObject("scheduled_time", LocalTime.class), ScheduleSource.valueOf(source));
        String status = rs.getString("appointment_status");
        Appointment appointment = status == null ? null : new Appointment(rs.getString("appointment_id"),
                Appointment.Status.valueOf(status), rs.getObject("appointment_start", LocalDateTime.class),
                Jdbc.instant(rs, "appointment_booked_at"));
        return new OrderSchedule(rs.getLong("order_id"), Jdbc.instant(rs, "referral_received_at"),
                Jdbc.date(rs, "target_date"), Jdbc.instant(rs, "justified_at"), Jdbc.date(rs, "earliest_scan_date"),
                step, appointment, rs.getInt("did_not_attend_count"), Jdbc.instant(rs, "scan_started_at"));
    }

}
