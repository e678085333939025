package org.dxaflow.report.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.order.Clinician;
import org.dxaflow.order.Order;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.order.PersonName;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.ReportSection;
import org.dxaflow.report.ReportStatus;
import org.dxaflow.report.ReportText;
import org.dxaflow.report.Verification;
import org.dxaflow.report.text.ChangeRow;
import org.dxaflow.report.text.ReportConf;
import org.dxaflow.report.text.ReportFacts;
import org.dxaflow.report.text.ReportWording;
import org.dxaflow.report.text.ResultRow;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The report as a printable A4 PDF (PDFBox): service header, patient and referral, a status banner
 * (PRELIMINARY / FINAL / AMENDED), the results table with a T-score band per site, the report's
 * words ({@link ReportText}, rendered from {@code conf/report/} templates when the document carries
 * none), the reporter and verification, and a footer with the report id, version and page x of y on
 * every page. Text wraps to the column and flows onto further pages; nothing is cut.
 *
 * <p>Immutable and thread-safe: each {@link #render} builds its own document.
 */
public final class ReportPdf {

    private static final float BODY = 9.5f;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    // category band colours (normal / osteopenia / osteoporosis), light so a black marker stands out
    private static final Color NORMAL = new Color(0xCF, 0xEB, 0xCF);
    private static final Color OSTEOPENIA = new Color(0xFF, 0xE5, 0xA8);
    private static final Color OSTEOPOROSIS = new Color(0xF4, 0xB6, 0xB0);
    private static final Color PRELIMINARY = new Color(0xC6, 0x28, 0x28);
    private static final Color AMENDED = new Color(0xB2, 0x5E, 0x00);
    private static final Color FINAL = new Color(0x2E, 0x6B, 0x30);
    private static final Color RULE = new Color(0x70, 0x70, 0x70);
    private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);

    private final ReportConf conf;
    private final ReportWording wording;
    private final List<Path[]> fontCandidates;

    public ReportPdf(Path confDir) {
        this(new ReportWording(confDir), PdfFonts.CANDIDATES);
    }

    /** With the fonts to try (tests: none, to check the Standard 14 fallback). */
    ReportPdf(ReportWording wording, List<Path[]> fontCandidates) {
        this.wording = wording;
        this.conf = wording.conf();
        this.fontCandidates = List.copyOf(fontCandidates);
    }

    public byte[] render(ReportDocument doc) {
        ReportText text = doc.text() == null || doc.text().sections().isEmpty() ? wording.render(doc) : doc.text();
        try (PDDocument pdf = new PDDocument()) {
            PdfFonts fonts = PdfFonts.load(pdf, fontCandidates);
            PdfPage page = new PdfPage(pdf, fonts);
            header(page);
            banner(page, doc);
            patient(page, doc);
            results(page, doc.result());
            conclusion(page, text);
            for (ReportSection s : text.sections()) {
                if (s.key().equals("results") && doc.result() != null) {
                    continue; // the table above carries every figure of this section, with its change and LSC
                }
                section(page, s);
            }
            verification(page, doc);
            page.close();
            footers(pdf, fonts, doc);
            info(pdf, doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("report PDF for " + doc.businessId() + " could not be written", e);
        }
    }

    // ---- blocks ----

    private void header(PdfPage p) throws IOException {
        ReportConf.Service s = conf.service();
        String title = "Bone Density (DXA) Report";
        float titleWidth = p.width(p.fonts.bold, 11, title);
        p.text(p.fonts.bold, 11, p.right() - titleWidth, p.y, title);
        // the service name wraps beside the title rather than running under it
        float y = p.y;
        for (String line : p.wrap(p.fonts.bold, 14, s.name(), p.right() - PdfPage.MARGIN - titleWidth - 16)) {
            p.text(p.fonts.bold, 14, PdfPage.MARGIN, y, line);
            y -= 16;
        }
        y += 3;
        for (String line : List.of(s.department(), s.address(), join(" · ", s.phone().isEmpty() ? "" : "Tel " + s.phone(),
                s.email()))) {
            if (!line.isBlank()) {
                p.text(p.fonts.regular, 8.5f, PdfPage.MARGIN, y, line);
                y -= 10.5f;
            }
        }
        p.y = y - 2;
        p.rule(RULE, 0.8f);
        p.y -= 8;
    }

    private void banner(PdfPage p, ReportDocument doc) throws IOException {
        String label;
        Color colour;
        if (doc.status() == ReportStatus.PRELIMINARY) {
            label = "PRELIMINARY — NOT VERIFIED BY A REPORTER";
            colour = PRELIMINARY;
        } else if (doc.status() == ReportStatus.AMENDED) {
            label = "AMENDED REPORT" + (doc.amendment() == null || doc.amendment().reason() == null ? ""
                    : " — " + doc.amendment().reason());
            colour = AMENDED;
        } else {
            label = "FINAL — VERIFIED REPORT";
            colour = FINAL;
        }
        List<String> lines = p.wrap(p.fonts.bold, 11, label, p.right() - PdfPage.MARGIN - 16);
        float h = 10 + lines.size() * 14;
        p.ensure(h + 6);
        p.fill(colour, PdfPage.MARGIN, p.y - h, p.right() - PdfPage.MARGIN, h);
        float y = p.y - 15;
        for (String l : lines) {
            p.text(p.fonts.bold, 11, PdfPage.MARGIN + 8, y, l, Color.WHITE);
            y -= 14;
        }
        p.y -= h + 10;
    }

    private void patient(PdfPage p, ReportDocument doc) throws IOException {
        Order o = doc.order();
        PatientDemographics d = o.patient().demographics();
        LocalDate scanDate = doc.scan() == null ? null : doc.scan().scanDate();
        String age = d.birthDate() != null && scanDate != null
                ? " (age " + java.time.Period.between(d.birthDate(), scanDate).getYears() + ")" : "";
        List<String[]> left = List.of(
                new String[]{"Patient", personName(d.name())},
                new String[]{"NHS number", nhsNumber(d.nhsNumber())},
                new String[]{"Date of birth", (d.birthDate() == null ? "not given" : DAY.format(d.birthDate())) + age},
                new String[]{"Hospital number", nz(d.mrn())},
                new String[]{"Sex", d.sex() == null ? "" : d.sex().name()});
        List<String[]> right = List.of(
                new String[]{"Referrer", clinician(o.referrer())},
                new String[]{"GP", join(", ", clinician(d.gp()), nz(d.practiceCode()).isEmpty() ? "" : "practice " + d.practiceCode())},
                new String[]{"Indication", nz(o.clinicalInfo())},
                new String[]{"Referral date", o.referralDate().day().map(DAY::format).orElse("not given")},
                new String[]{"Scan date", scanDate == null ? "" : DAY.format(scanDate)},
                new String[]{"Accession", nz(o.accessionNumber())});
        float col = (p.right() - PdfPage.MARGIN) / 2;
        float top = p.y;
        float yl = pairs(p, left, PdfPage.MARGIN, col - 10, top);
        float yr = pairs(p, right, PdfPage.MARGIN + col, col, top);
        p.y = Math.min(yl, yr) - 4;
        p.rule(RULE, 0.5f);
        p.y -= 10;
    }

    private static float pairs(PdfPage p, List<String[]> rows, float x, float width, float top) throws IOException {
        float y = top;
        float labelWidth = 82;
        for (String[] r : rows) {
            p.text(p.fonts.bold, 8.5f, x, y, r[0]);
            List<String> lines = p.wrap(p.fonts.regular, 9, r[1].isEmpty() ? "—" : r[1], width - labelWidth);
            for (String l : lines) {
                p.text(p.fonts.regular, 9, x + labelWidth, y, l);
                y -= 11.5f;
            }
        }
        return y;
    }

    private void results(PdfPage p, DensitometryResult result) throws IOException {
        if (result == null) {
            return;
        }
        List<ResultRow> rows = ReportFacts.rows(result);
        boolean band = result.lowestTScore() != null && result.lowestTScore().forDiagnosis();
        p.heading("Results");
        String[] head = {"Site", "Side", "BMD g/cm²", "T-score", "Z-score", "Change since prior", band ? "T-score (WHO band)" : ""};
        float[] w = {104, 34, 56, 46, 46, 126, 0};
        w[6] = p.right() - PdfPage.MARGIN - (w[0] + w[1] + w[2] + w[3] + w[4] + w[5]);
        float rowH = 24;
        p.ensure(16 + rowH * Math.min(rows.size(), 3));
        p.fill(SHADE, PdfPage.MARGIN, p.y - 14, p.right() - PdfPage.MARGIN, 16);
        float x = PdfPage.MARGIN;
        for (int i = 0; i < head.length; i++) {
            p.text(p.fonts.bold, 8, x + 3, p.y - 9.5f, head[i]);
            x += w[i];
        }
        p.y -= 16;
        boolean anyScanner = false;
        for (ResultRow r : rows) {
            p.ensure(rowH);
            float base = p.y - 10;
            x = PdfPage.MARGIN;
            String t = r.t().isEmpty() ? "—" : r.t() + (r.tScanner() ? "*" : "");
            String z = r.z().isEmpty() ? "—" : r.z() + (r.zScanner() ? "*" : "");
            anyScanner |= r.tScanner() || r.zScanner();
            String[] cells = {r.name(), r.side(), r.bmd().isEmpty() ? "—" : r.bmd(), t, z, ""};
            for (int i = 0; i < cells.length; i++) {
                PDFont f = i == 3 ? p.fonts.bold : p.fonts.regular;
                p.text(f, 9, x + 3, base, p.fit(f, 9, cells[i], w[i] - 5));
                x += w[i];
            }
            float cx = PdfPage.MARGIN + w[0] + w[1] + w[2] + w[3] + w[4];
            if (r.change().isPresent()) {
                ChangeRow c = r.change().get();
                if (c.comparable()) {
                    p.text(p.fonts.regular, 9, cx + 3, base, c.delta() + " (" + c.percent() + " %)");
                    Color colour = c.significant() && c.loss() ? PRELIMINARY : Color.DARK_GRAY;
                    p.text(c.significant() ? p.fonts.bold : p.fonts.regular, 7.5f, cx + 3, base - 9,
                            c.significance() + (c.lsc().isEmpty() ? "" : " (LSC " + c.lsc() + ")"), colour);
                } else {
                    p.text(p.fonts.regular, 8, cx + 3, base, "not comparable");
                }
            } else {
                p.text(p.fonts.regular, 9, cx + 3, base, "—");
            }
            if (band && !r.t().isEmpty()) {
                tBand(p, cx + w[5] + 4, base - 4, w[6] - 8, new BigDecimal(r.t()));
            }
            p.y -= rowH;
            p.line(new Color(0xDD, 0xDD, 0xDD), PdfPage.MARGIN, p.y + 3, p.right(), p.y + 3, 0.4f);
        }
        p.y -= 2;
        List<String> notes = new ArrayList<>();
        if (anyScanner) {
            notes.add("* the scanner's own value (no reference configured in this service for that score).");
        }
        if (band) {
            notes.add("Band: T-score from −4 to +1; green normal (−1.0 or above), amber osteopenia, red osteoporosis (−2.5 or below); ▲ marks the patient's value.");
        }
        for (String n : notes) {
            p.paragraph(p.fonts.regular, 7.5f, n, PdfPage.MARGIN, 0);
        }
        p.y -= 4;
    }

    /** T-score band from −4 to +1 coloured by WHO category (conf/densitometry/settings.yaml thresholds), value marked. */
    private static void tBand(PdfPage p, float x, float y, float width, BigDecimal t) throws IOException {
        float min = -4f;
        float max = 1f;
        float h = 7;
        float scale = width / (max - min);
        p.fill(OSTEOPOROSIS, x, y, (-2.5f - min) * scale, h);
        p.fill(OSTEOPENIA, x + (-2.5f - min) * scale, y, 1.5f * scale, h);
        p.fill(NORMAL, x + (-1f - min) * scale, y, 2f * scale, h);
        float v = Math.max(min, Math.min(max, t.floatValue()));
        float mx = x + (v - min) * scale;
        p.stroke.setNonStrokingColor(Color.BLACK);
        p.stroke.moveTo(mx, y + h + 1);
        p.stroke.lineTo(mx - 3.5f, y - 5);
        p.stroke.lineTo(mx + 3.5f, y - 5);
        p.stroke.closePath();
        p.stroke.fill();
        p.line(Color.BLACK, mx, y - 1, mx, y + h + 2, 1.2f);
    }

    private static void conclusion(PdfPage p, ReportText text) throws IOException {
        if (text.conclusion().isEmpty()) {
            return;
        }
        List<String> lines = p.wrap(p.fonts.bold, 10, text.conclusion(), p.right() - PdfPage.MARGIN - 16);
        float h = 10 + lines.size() * 13;
        p.ensure(h + 18);
        p.heading("Summary");
        p.stroke.setStrokingColor(RULE);
        p.stroke.setLineWidth(0.8f);
        p.stroke.addRect(PdfPage.MARGIN, p.y - h, p.right() - PdfPage.MARGIN, h);
        p.stroke.stroke();
        float y = p.y - 14;
        for (String l : lines) {
            p.text(p.fonts.bold, 10, PdfPage.MARGIN + 8, y, l);
            y -= 13;
        }
        p.y -= h + 8;
    }

    private static void section(PdfPage p, ReportSection s) throws IOException {
        p.ensure(34);
        p.heading(s.heading());
        for (String para : s.text().split("\n\n")) {
            for (String line : para.split("\n")) {
                if (line.startsWith("- ")) {
                    p.paragraph(p.fonts.regular, BODY, line.substring(2), PdfPage.MARGIN + 10, 10);
                } else {
                    p.paragraph(p.fonts.regular, BODY, line, PdfPage.MARGIN, 0);
                }
            }
            p.y -= 4;
        }
        p.y -= 2;
    }

    private void verification(PdfPage p, ReportDocument doc) throws IOException {
        p.ensure(40);
        p.y -= 4;
        p.rule(RULE, 0.5f);
        p.y -= 12;
        Verification v = doc.verification();
        if (v != null && doc.status().isVerified()) {
            String who = join(", ", v.reporter().name(), v.reporter().role());
            String reg = v.reporter().registration().isEmpty() ? "" : " (" + v.reporter().registration() + ")";
            String at = v.at() == null ? "" : " on " + DAY_TIME.format(v.at().atZone(conf.timeZone()));
            p.paragraph(p.fonts.bold, 10, "Verified by " + who + reg + at, PdfPage.MARGIN, 0);
        } else {
            p.paragraph(p.fonts.bold, 10, "Not yet verified: this preliminary report was issued automatically from the"
                    + " scan results and has not been checked by a reporter.", PdfPage.MARGIN, 0, PRELIMINARY);
        }
        p.paragraph(p.fonts.regular, 8, "Report issued " + DAY_TIME.format(doc.createdAt().atZone(conf.timeZone()))
                + ".", PdfPage.MARGIN, 0);
    }

    private void footers(PDDocument pdf, PdfFonts fonts, ReportDocument doc) throws IOException {
        int n = pdf.getNumberOfPages();
        PatientDemographics d = doc.order().patient().demographics();
        String left = doc.businessId() + " · version " + doc.version() + " · " + doc.status().name();
        String middle = personName(d.name()) + " · NHS " + nhsNumber(d.nhsNumber());
        for (int i = 0; i < n; i++) {
            PDPage page = pdf.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                PdfPage p = new PdfPage(pdf, fonts, page, cs);
                float y = PdfPage.FOOTER - 24;
                p.line(RULE, PdfPage.MARGIN, y + 12, p.right(), y + 12, 0.5f);
                p.text(fonts.regular, 7.5f, PdfPage.MARGIN, y, left);
                String mid = p.fit(fonts.regular, 7.5f, middle, 200);
                p.text(fonts.regular, 7.5f, (PdfPage.MARGIN + p.right()) / 2 - p.width(fonts.regular, 7.5f, mid) / 2, y, mid);
                String pages = "PdfPage " + (i + 1) + " of " + n;
                p.text(fonts.regular, 7.5f, p.right() - p.width(fonts.regular, 7.5f, pages), y, pages);
            }
        }
    }

    private void info(PDDocument pdf, ReportDocument doc) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        // no patient data in the metadata: it is indexed and shown by tools that do not treat it as clinical
        info.setTitle("DXA report " + doc.businessId() + " v" + doc.version());
        info.setCreator("dxaflow");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone(conf.timeZone()));
        created.setTimeInMillis(doc.createdAt().toEpochMilli());
        info.setCreationDate(created);
    }

    // ---- formatting ----

    /** NHS number as printed: 3-3-4 digits ("943 476 5919"); anything else as sent. */
    static String nhsNumber(String raw) {
        String digits = raw == null ? "" : raw.replace(" ", "").replace("-", "");
        if (digits.length() == 10 && digits.chars().allMatch(Character::isDigit)) {
            return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
        }
        return raw == null || raw.isBlank() ? "not given" : raw;
    }

    static String personName(PersonName n) {
        if (n == null || n.isEmpty()) {
            return "";
        }
        return join(" ", n.prefix(), n.given(), n.middle(), n.family().toUpperCase(Locale.UK));
    }

    private static String clinician(Clinician c) {
        if (c == null || !c.isIdentified()) {
            return "";
        }
        String name = personName(c.name());
        return name.isEmpty() ? c.id() : name + (c.id().isEmpty() ? "" : " (" + c.id() + ")");
    }

    private static String join(String sep, String... parts) {
        StringBuilder b = new StringBuilder();
        for (String s : parts) {
            if (s != null && !s.isBlank()) {
                b.append(b.length() == 0 ? "" : sep).append(s.trim());
            }
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
