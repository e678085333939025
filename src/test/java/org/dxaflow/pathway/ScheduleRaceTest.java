package org.dxaflow.pathway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dxaflow.order.Order;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.store.Database;
import org.dxaflow.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate and the RIS's appointments change an order's schedule from two queues at once. A
 * booking the RIS commits while the gate is deciding must survive: the gate's default step (no time)
 * must never overwrite the booked 10:30. Seen on PostgreSQL under load as a booked order scheduled
 * for its default day without the booked time.
 */
class ScheduleRaceTest {

    @TempDir
    Path dir;

    @Test
    void aBookingMadeWhileTheGateDecidesIsNotOverwrittenByItsDefaultStep() throws Exception {
        try (Database db = new Database("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";WRITE_DELAY=0", "",
                "")) {
            db.migrate();
            Jdbc jdbc = new Jdbc(db.dataSource());
            Instant now = Instant.parse("2026-11-30T09:00:00Z");
            long patient = jdbc.insert("INSERT INTO patient (mrn, created_at, updated_at) VALUES (?, ?, ?)",
                    "RX1", now, now);
            long orderId = jdbc.insert("INSERT INTO dxa_order (placer_order_number, accession_number, patient_id,"
                    + " status, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", "P1", "A1", patient,
                    "RECEIVED", now, now);
            OrderStore orders = new OrderStore(jdbc, new com.fasterxml.jackson.databind.ObjectMapper(), "DXA");
            Order order = jdbc.inTransaction(c -> orders.get(c, orderId).orElseThrow());
            SchedulePolicy policy = new SchedulePolicy(new PathwaySettings(6,
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), ZoneId.of("Europe/London")));
            ScheduleStore schedules = new ScheduleStore(jdbc, policy);
            jdbc.inTransaction(c -> schedules.ensure(c, order, now));

            CountDownLatch gateHasRead = new CountDownLatch(1);
            CountDownLatch letGateFinish = new CountDownLatch(1);
            // the gate: reads the schedule (no appointment yet), decides, sets its default step
            CompletableFuture<Void> gate = CompletableFuture.runAsync(() -> jdbc.inTransaction(c -> {
                OrderSchedule seen = schedules.ensure(c, order, now);
                gateHasRead.countDown();
                await(letGateFinish);
                if (!seen.hasBookedAppointment()) {
                    schedules.setStep(c, orderId, new ScheduledStep(LocalDate.of(2026, 12, 1), null,
                            ScheduleSource.NEXT_WORKING_DAY), now);
                }
                return null;
            }));
            assertTrue(gateHasRead.await(10, TimeUnit.SECONDS));
            // the RIS books 10:30 meanwhile
            CompletableFuture<Void> booking = CompletableFuture.runAsync(() -> jdbc.inTransaction(c -> {
                schedules.ensure(c, order, now);
                schedules.setAppointment(c, orderId, new Appointment("APPT-1", Appointment.Status.BOOKED,
                        LocalDateTime.of(2026, 12, 7, 10, 30), now), now);
                schedules.setStep(c, orderId, new ScheduledStep(LocalDate.of(2026, 12, 7), LocalTime.of(10, 30),
                        ScheduleSource.APPOINTMENT), now);
                return null;
            }));
            Thread.sleep(300);
            assertFalse(booking.isDone(), "the booking went ahead while the gate held the schedule it had read");
            letGateFinish.countDown();
            gate.get(10, TimeUnit.SECONDS);
            booking.get(10, TimeUnit.SECONDS);

            ScheduledStep step = schedules.find(orderId).orElseThrow().step();
            assertEquals(LocalTime.of(10, 30), step.time());
            assertEquals(ScheduleSource.APPOINTMENT, step.source());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
