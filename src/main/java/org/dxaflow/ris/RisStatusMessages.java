package org.dxaflow.ris;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.hl7.Er7Message;
import org.dxaflow.hl7.Hl7Format;
import org.dxaflow.order.Order;
import org.dxaflow.order.OrderStatus;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.orderbook.StatusChange;
import org.dxaflow.pathway.OrderSchedule;
import org.dxaflow.pathway.ScheduledStep;

/**
 * The order status message for one status change, in the order's own HL7 version: ORM^O01 for
 * v2.3/2.3.1/2.4 orders, OMG^O19 for v2.5/2.5.1, both with ORC-1 = SC (status changed, HL7 table
 * 0119), ORC-5 the order status (table 0038) and ORC-16 why (returned/rejected/held). The exact
 * segments are documented in docs/hl7-conformance.md.
 */
public final class RisStatusMessages {

    /** Local coding system of the ORC-16 reason codes. */
    public static final String REASON_CODING_SYSTEM = "99DXAFLOW";
    /** CE text components are 199 characters at most (v2.5); the whole text goes into an NTE. */
    private static final int CE_TEXT_MAX = 199;
    private static final Er7Message.Delimiters D = new Er7Message.Delimiters('|', '^', '~', '\\', '&');

    private final RisSettings settings;
    private final ZoneId zone;

    public RisStatusMessages(RisSettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    /** The control ID (MSH-10) of a change's message: the same on every retry, so the RIS can spot a resend. */
    public static String controlId(StatusChange change) {
        return "DXS" + change.id();
    }

    /** HL7 table 0038 order status for a dxaflow status. */
    public static String orderStatus(OrderStatus status) {
        return switch (status) {
            case SCHEDULED -> "SC";
            // held: for a practitioner, or for the RIS to book again after a DNA (ORC-16 says which)
            case AWAITING_JUSTIFICATION, DNA -> "HD";
            // a returned or rejected referral is closed here; a corrected referral is a new order
            case RETURNED, REJECTED, CANCELLED -> "CA";
            case RECEIVED, IN_PROGRESS -> "IP";
            case COMPLETED, REPORTED -> "CM";
            case DISCONTINUED -> "DC";
        };
    }

    public String build(Order order, StatusChange change, OrderSchedule schedule) {
        String version = order.hl7Version() == null || order.hl7Version().isBlank() ? "2.4" : order.hl7Version();
        boolean v25 = version.startsWith("2.5");
        String type = v25 ? "OMG^O19^OMG_O19" : version.equals("2.3") ? "ORM^O01" : "ORM^O01^ORM_O01";
        String when = Hl7Format.timestamp(change.changedAt().atZone(zone).toLocalDateTime());
        ScheduledStep step = change.to() == OrderStatus.SCHEDULED && schedule != null ? schedule.step() : null;
        String start = step == null ? "" : Hl7Format.dateTime(step.date(), step.time());
        String filler = order.fillerOrderNumber() == null || order.fillerOrderNumber().isEmpty()
                ? order.accessionNumber() : order.fillerOrderNumber();
        String placer = e(order.placerOrderNumber()) + (empty(order.placerApplication()) ? ""
                : "^" + e(order.placerApplication()));

        List<String> segments = new ArrayList<>();
        segments.add("MSH|^~\\&|" + e(settings.application()) + "|" + e(settings.facility()) + "|"
                + e(settings.risApplication()) + "|" + e(settings.risFacility()) + "|" + when + "||" + type + "|"
                + controlId(change) + "|P|" + version);
        segments.add(pid(order.patient().demographics()));
        segments.add(fields("ORC", "SC", placer, e(filler), "", orderStatus(change.to()), "",
                !v25 && !start.isEmpty() ? "^^^" + start : "", "", when, "", "", referrer(order), "", "", "",
                reason(change)));
        if (v25 && !start.isEmpty()) {
            segments.add(fields("TQ1", "1", "", "", "", "", "", start));
        }
        segments.add(fields("OBR", "1", placer, e(filler), e(order.procedure().code()) + "^"
                + e(order.procedure().text()) + "^" + e(order.procedure().scheme()), "", "", "", "", "", "", "", "",
                "", "", "", "", "", e(order.accessionNumber())));
        if (!empty(change.reasonText())) {
            segments.add(fields("NTE", "1", "L", e(change.reasonText())));
        }
        return String.join("\r", segments) + "\r";
    }

    private static String pid(PatientDemographics p) {
        List<String> ids = new ArrayList<>();
        if (!empty(p.nhsNumber())) {
            ids.add(e(p.nhsNumber()) + "^^^NHS^NH");
        }
        if (!empty(p.mrn())) {
            ids.add(e(p.mrn()) + "^^^" + e(p.mrnAuthority()) + "^MR");
        }
        return fields("PID", "1", "", String.join("~", ids), "", e(p.name().family()) + "^" + e(p.name().given()),
                "", p.birthDate() == null ? "" : Hl7Format.date(p.birthDate()), p.sex() == null ? "" : p.sex().code());
    }

    private static String referrer(Order o) {
        if (!o.referrer().isIdentified()) {
            return "";
        }
        return e(o.referrer().id()) + "^" + e(o.referrer().name().family()) + "^" + e(o.referrer().name().given());
    }

    /** ORC-16 (CE): reason code ^ text ^ coding system. */
    private static String reason(StatusChange change) {
        if (empty(change.reasonCode())) {
            return "";
        }
        String text = change.reasonText() == null ? "" : change.reasonText();
        if (text.length() > CE_TEXT_MAX) {
            text = text.substring(0, CE_TEXT_MAX - 3) + "...";
        }
        return e(change.reasonCode()) + "^" + e(text) + "^" + REASON_CODING_SYSTEM;
    }

    /** A segment from its fields, without the empty ones at the end. */
    private static String fields(String segment, String... values) {
        String text = segment + "|" + String.join("|", values);
        int end = text.length();
        while (end > segment.length() + 2 && text.charAt(end - 1) == '|') {
            end--;
        }
        return text.substring(0, end);
    }

    private static String e(String value) {
        return D.escape(value == null ? "" : value);
    }

    private static boolean empty(String s) {
        return s == null || s.isBlank();
    }
}
