package org.dxaflow.report.hl7;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dxaflow.densitometry.ChangeResult;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.densitometry.SiteResult;
import org.dxaflow.dicom.sr.Code;
import org.dxaflow.hl7.Er7Message;
import org.dxaflow.hl7.Hl7Format;
import org.dxaflow.order.Clinician;
import org.dxaflow.order.Order;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.order.PersonName;
import org.dxaflow.report.ReportCodes;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.ReportQuantity;
import org.dxaflow.report.Reporter;
import org.dxaflow.report.Verification;

/**
 * One report version as an HL7 v2.5.1 ORU^R01 (ER7, segments separated by CR): MSH, PID, PV1, ORC,
 * OBR, then the OBX rows. Every code comes from {@link ReportCodes} ({@code conf/report/codes.yaml}).
 *
 * <p>Written as text rather than through HAPI's model because the narrative's line breaks must go as
 * the FT formatting command {@code \.br\} while a backslash the reporter typed must go as
 * {@code \E\}; HAPI's encoder leaves anything that looks like a formatting command alone, so it can
 * send typed text as formatting. The tests parse every message with HAPI's PipeParser as v2.5.1.
 *
 * <p>Regions: v2.5.1 has no OBX-20 Observation Site (it is "reserved for harmonisation with v2.6"
 * there), and the lumbar-spine and femur LOINC codes do not say which vertebrae or which side. So
 * every row of one region (site and side) carries the same OBX-4 sub-ID, and the region's group
 * starts with a Finding Site OBX and, for a paired site, a Laterality OBX (the SNOMED CT concepts the
 * SR uses): a left and a right femoral neck are two groups and never read as one.
 */
public final class ReportOruBuilder {

    /** Character set of every message: names and report text are not all ISO 8859-1. */
    static final String CHARSET = "UNICODE UTF-8";
    private static final Er7Message.Delimiters D = new Er7Message.Delimiters('|', '^', '~', '\\', '&');
    private static final DateTimeFormatter TS_ZONED = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    /** HL7 table 0136 (Yes/No), for whether a change exceeds the least significant change. */
    private static final String YES_NO_TABLE = "HL70136";

    private final ReportCodes codes;
    private final String sendingApplication;
    private final String sendingFacility;
    private final ZoneId zone;

    /** Times are written in UTC with their offset ({@code +0000}), which no receiver can misread. */
    public ReportOruBuilder(ReportCodes codes, String sendingApplication, String sendingFacility) {
        this(codes, sendingApplication, sendingFacility, ZoneOffset.UTC);
    }

    /** Times are written as wall-clock times of {@code zone}, with its offset. */
    public ReportOruBuilder(ReportCodes codes, String sendingApplication, String sendingFacility, ZoneId zone) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.sendingApplication = sendingApplication == null ? "" : sendingApplication;
        this.sendingFacility = sendingFacility == null ? "" : sendingFacility;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The message for one report version.
     *
     * @param controlId MSH-10; the caller keeps it per delivery so that a retry resends the same id
     *                  and the receiver can spot the duplicate
     * @param pdfOrNull the report's PDF, sent base64 in an ED OBX; none when null
     */
    public String build(ReportDocument doc, byte[] pdfOrNull, String controlId, String receivingApplication,
                        String receivingFacility, Instant sentAt) {
        Objects.requireNonNull(doc, "doc");
        if (controlId == null || controlId.isBlank()) {
            throw new IllegalArgumentException("an ORU needs a control id (MSH-10)");
        }
        List<String> segments = new ArrayList<>();
        segments.add(new Segment("MSH")
                .set(3, e(sendingApplication)).set(4, e(sendingFacility))
                .set(5, e(receivingApplication)).set(6, e(receivingFacility))
                .set(7, ts(sentAt)).set(9, "ORU^R01^ORU_R01").set(10, e(controlId))
                .set(11, "P").set(12, "2.5.1").set(18, CHARSET).render());
        Order order = doc.order();
        segments.add(pid(order.patient().demographics()));
        // outpatient: DXA is an outpatient scan, and the order carries no visit
        segments.add(new Segment("PV1").set(1, "1").set(2, "O").render());
        String placer = placer(order);
        String filler = e(filler(order));
        String status = doc.status().hl7ResultStatus();
        // RE: observations to follow (table 0119); CM: the order is complete (table 0038)
        segments.add(new Segment("ORC").set(1, "RE").set(2, placer).set(3, filler).set(5, "CM")
                .set(12, xcn(order.referrer())).render());
        String scanDate = doc.scan() == null || doc.scan().scanDate() == null ? ""
                : Hl7Format.date(doc.scan().scanDate());
        segments.add(new Segment("OBR").set(1, "1").set(2, placer).set(3, filler).set(4, ce(codes.title()))
                .set(7, scanDate).set(16, xcn(order.referrer())).set(22, ts(doc.createdAt()))
                .set(25, status).set(32, interpreter(doc.verification())).render());

        Obx obx = new Obx(segments, status, scanDate);
        DensitometryResult result = doc.result();
        if (result != null) {
            Map<Region, String> groups = regions(result);
            for (Map.Entry<Region, String> g : groups.entrySet()) {
                region(obx, g.getKey(), g.getValue(), result);
            }
        }
        Code who = result == null || result.whoCategory() == null
                ? codes.notClassified() : codes.whoCategory(result.whoCategory());
        obx.add("CWE", ce(codes.whoCategoryConcept()), "", ce(who), "");
        String text = doc.text().plainText();
        if (!text.isEmpty()) {
            obx.add("FT", ce(codes.title()), "", formattedText(text), "");
        }
        if (pdfOrNull != null) {
            // ED: source application ^ type of data (AP: other application data) ^ subtype ^ encoding ^ data
            obx.add("ED", ce(codes.title()), "", "^AP^PDF^Base64^" + Base64.getEncoder().encodeToString(pdfOrNull),
                    "");
        }
        return String.join("\r", segments) + "\r";
    }

    /** One region (site and side): its finding site, side, measured values and change since the prior. */
    private void region(Obx obx, Region region, String subId, DensitometryResult result) {
        obx.add("CWE", ce(codes.findingSiteConcept()), subId, ce(codes.findingSite(region.site())), "");
        codes.laterality(region.side()).ifPresent(side ->
                obx.add("CWE", ce(codes.lateralityConcept()), subId, ce(side), ""));
        for (SiteResult s : result.sites()) {
            if (!region.equals(new Region(s.site(), s.laterality()))) {
                continue;
            }
            value(obx, s, ReportQuantity.BMD, s.bmd(), subId);
            value(obx, s, ReportQuantity.T_SCORE, s.tScore(), subId);
            value(obx, s, ReportQuantity.Z_SCORE, s.zScore(), subId);
        }
        for (ChangeResult c : result.change()) {
            Optional<Site> site = Site.parse(c.site());
            if (site.isEmpty() || !region.equals(new Region(site.get(), c.laterality()))) {
                continue;
            }
            // a change is sent only where it was computed: across devices without a cross-calibration
            // there is no delta (ChangeResult.comparable), and the text says why
            if (c.comparable() && c.deltaBmd() != null) {
                obx.add("NM", ce(codes.change().bmd()), subId, c.deltaBmd().toPlainString(),
                        ce(codes.unit(ReportQuantity.BMD)));
            }
            if (c.comparable() && c.percent() != null) {
                obx.add("NM", ce(codes.change().percent()), subId, c.percent().toPlainString(), ce(codes.percentUnit()));
            }
            if (c.comparable() && c.significant() != null) {
                String yn = c.significant() ? "Y^Yes^" + YES_NO_TABLE : "N^No^" + YES_NO_TABLE;
                obx.add("CWE", ce(codes.change().significance()), subId, yn, "");
            }
        }
    }

    private void value(Obx obx, SiteResult s, ReportQuantity quantity, BigDecimal value, String subId) {
        if (value == null) {
            // not computed (the note says why, in the text): no row rather than an empty value
            return;
        }
        Code code = codes.measurement(s.site(), s.laterality(), quantity)
                .orElseThrow(() -> new IllegalStateException("no " + quantity + " code for " + s.site()
                        + " in conf/report/codes.yaml"))
                .code();
        // the stored value exactly as computed and shown in the report: never re-rounded here
        obx.add("NM", ce(code), subId, value.toPlainString(), ce(codes.unit(quantity)));
    }

    /**
     * The regions of a result in the order the result gives them, each with its OBX-4 sub-ID (1, 2,
     * ...); a change for a region with no current value (not expected) gets a group of its own.
     */
    private static Map<Region, String> regions(DensitometryResult result) {
        Map<Region, String> groups = new LinkedHashMap<>();
        for (SiteResult s : result.sites()) {
            groups.computeIfAbsent(new Region(s.site(), s.laterality()), r -> String.valueOf(groups.size() + 1));
        }
        for (ChangeResult c : result.change()) {
            Site.parse(c.site()).ifPresent(site -> groups.computeIfAbsent(new Region(site, c.laterality()),
                    r -> String.valueOf(groups.size() + 1)));
        }
        return groups;
    }

    private String pid(PatientDemographics p) {
        List<String> ids = new ArrayList<>();
        if (!blank(p.mrn())) {
            ids.add(e(p.mrn()) + "^^^" + e(p.mrnAuthority()) + "^MR");
        }
        if (!blank(p.nhsNumber())) {
            ids.add(e(p.nhsNumber()) + "^^^NHS^NH");
        }
        return new Segment("PID").set(1, "1").set(3, String.join("~", ids)).set(5, xpn(p.name()))
                .set(7, p.birthDate() == null ? "" : Hl7Format.date(p.birthDate()))
                .set(8, p.sex() == null ? "" : p.sex().code()).render();
    }

    /** EI: the placer's number with the placing application as namespace. */
    private static String placer(Order o) {
        String number = e(o.placerOrderNumber());
        return blank(o.placerApplication()) ? number : number + "^" + e(o.placerApplication());
    }

    /** The RIS's own number, else the accession number the engine gave the scan. */
    private static String filler(Order o) {
        return blank(o.fillerOrderNumber()) ? o.accessionNumber() : o.fillerOrderNumber();
    }

    /** XPN: family ^ given ^ middle ^ suffix ^ prefix. */
    private static String xpn(PersonName n) {
        return trimComponents(e(n.family()) + "^" + e(n.given()) + "^" + e(n.middle()) + "^^" + e(n.prefix()));
    }

    /** XCN: id ^ family ^ given ^ middle ^ suffix ^ prefix. */
    private static String xcn(Clinician c) {
        if (c == null || !c.isIdentified()) {
            return "";
        }
        PersonName n = c.name();
        return trimComponents(e(c.id()) + "^" + e(n.family()) + "^" + e(n.given()) + "^" + e(n.middle()) + "^^"
                + e(n.prefix()));
    }

    /**
     * OBR-32 (NDL): the reporter who verified this version, and when. The engine holds the name as
     * printed, not in parts, so it goes whole in CNN-2 (family name).
     */
    private String interpreter(Verification v) {
        if (v == null) {
            return "";
        }
        Reporter r = v.reporter();
        return trimComponents(e(r.id()) + "&" + e(r.name())) + "^" + ts(v.at());
    }

    /** CE/CWE: code ^ meaning ^ coding system (the scheme designator: LN, SCT, UCUM, 99DXAFLOW; HL7 table 0396). */
    private static String ce(Code c) {
        return e(c.value()) + "^" + e(c.meaning()) + "^" + e(c.scheme());
    }

    /** FT: each line escaped, lines joined by the formatting command {@code \.br\}. */
    static String formattedText(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        for (String line : lines) {
            out.add(D.escape(line));
        }
        return String.join("\\.br\\", out);
    }

    private String ts(Instant t) {
        return t == null ? "" : t.atZone(zone).format(TS_ZONED);
    }

    private static String e(String value) {
        return D.escape(value == null ? "" : value);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Drops trailing empty components (and subcomponents) so a field ends at its last value. */
    private static String trimComponents(String value) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == '^' || value.charAt(end - 1) == '&')) {
            end--;
        }
        return value.substring(0, end);
    }

    /** A site on one side (side null for the spine). */
    private record Region(Site site, Laterality side) {
    }

    /** Appends OBX segments with consecutive set IDs, all with the report's status and scan date. */
    private static final class Obx {
        private final List<String> segments;
        private final String status;
        private final String observed;
        private int setId;

        Obx(List<String> segments, String status, String observed) {
            this.segments = segments;
            this.status = status;
            this.observed = observed;
        }

        void add(String type, String identifier, String subId, String value, String units) {
            setId++;
            segments.add(new Segment("OBX").set(1, String.valueOf(setId)).set(2, type).set(3, identifier)
                    .set(4, subId).set(5, value).set(6, units).set(11, status).set(14, observed).render());
        }
    }

    /** A segment's fields by their number in the standard (MSH-1 being the separator itself). */
    private static final class Segment {
        private final String name;
        private final List<String> fields = new ArrayList<>();

        Segment(String name) {
            this.name = name;
            if (name.equals("MSH")) {
                set(2, "^~\\&");
            }
        }

        Segment set(int n, String value) {
            while (fields.size() < n) {
                fields.add("");
            }
            fields.set(n - 1, value == null ? "" : value);
            return this;
        }

        String render() {
            int last = fields.size();
            while (last > 0 && fields.get(last - 1).isEmpty()) {
                last--;
            }
            StringBuilder sb = new StringBuilder(name);
            // MSH-1 is the field separator after the name, so MSH-2 follows it directly
            int first = name.equals("MSH") ? 1 : 0;
            for (int i = first; i < last; i++) {
                sb.append('|').append(fields.get(i));
            }
            return sb.toString();
        }
    }
}
