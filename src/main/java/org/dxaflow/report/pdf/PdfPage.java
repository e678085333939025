package org.dxaflow.report.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The page being written and its cursor: a new A4 page when the next block does not fit above the
 * footer, text wrapped to a width, the footer band kept clear. One per render call (mutable, never
 * shared): the layout primitives, apart from what the report puts where (ReportPdf).
 */
final class PdfPage {

    /** A4 margins; the footer band at the bottom is kept clear for the page footer. */
    static final float MARGIN = 48f;
    static final float FOOTER = 54f;

    final PDDocument pdf;
    final PdfFonts fonts;
    PDPage page;
    PDPageContentStream stroke;
    float y;

    PdfPage(PDDocument pdf, PdfFonts fonts) throws IOException {
        this.pdf = pdf;
        this.fonts = fonts;
        newPage();
    }

    PdfPage(PDDocument pdf, PdfFonts fonts, PDPage page, PDPageContentStream cs) {
        this.pdf = pdf;
        this.fonts = fonts;
        this.page = page;
        this.stroke = cs;
    }

    float right() {
        return PDRectangle.A4.getWidth() - MARGIN;
    }

    void newPage() throws IOException {
        if (stroke != null) {
            stroke.close();
        }
        page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        stroke = new PDPageContentStream(pdf, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void close() throws IOException {
        stroke.close();
    }

    void ensure(float height) throws IOException {
        if (y - height < FOOTER) {
            newPage();
        }
    }

    void heading(String text) throws IOException {
        ensure(30);
        y -= 4;
        text(fonts.bold, 11, MARGIN, y - 8, text);
        y -= 15;
    }

    void paragraph(PDFont font, float size, String text, float x, float hang) throws IOException {
        paragraph(font, size, text, x, hang, Color.BLACK);
    }

    /** Wrapped to the column from {@code x}; a bullet ({@code hang} > 0) gets its mark in the margin. */
    void paragraph(PDFont font, float size, String text, float x, float hang, Color colour) throws IOException {
        float lead = size * 1.3f;
        List<String> lines = wrap(font, size, text, right() - x);
        boolean first = true;
        for (String l : lines) {
            ensure(lead);
            if (first && hang > 0) {
                text(font, size, x - hang + 2, y - size, "•", colour);
            }
            text(font, size, x, y - size, l, colour);
            y -= lead;
            first = false;
        }
    }

    void rule(Color colour, float width) throws IOException {
        line(colour, MARGIN, y, right(), y, width);
    }

    void line(Color colour, float x1, float y1, float x2, float y2, float width) throws IOException {
        stroke.setStrokingColor(colour);
        stroke.setLineWidth(width);
        stroke.moveTo(x1, y1);
        stroke.lineTo(x2, y2);
        stroke.stroke();
    }

    void fill(Color colour, float x, float y0, float w, float h) throws IOException {
        stroke.setNonStrokingColor(colour);
        stroke.addRect(x, y0, w, h);
        stroke.fill();
    }

    void text(PDFont font, float size, float x, float y0, String text) throws IOException {
        text(font, size, x, y0, text, Color.BLACK);
    }

    void text(PDFont font, float size, float x, float y0, String text, Color colour) throws IOException {
        String s = fonts.safe(font, text);
        if (s.isEmpty()) {
            return;
        }
        stroke.beginText();
        stroke.setNonStrokingColor(colour);
        stroke.setFont(font, size);
        stroke.newLineAtOffset(x, y0);
        stroke.showText(s);
        stroke.endText();
    }

    float width(PDFont font, float size, String text) {
        return PdfFonts.width(font, size, fonts.safe(font, text));
    }

    /** Cut to the width with an ellipsis: table cells only, where a wrap would break the row grid. */
    String fit(PDFont font, float size, String text, float max) {
        if (width(font, size, text) <= max) {
            return text;
        }
        String s = text;
        while (!s.isEmpty() && width(font, size, s + "…") > max) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /** Greedy word wrap; a word longer than the line is broken by characters. */
    List<String> wrap(PDFont font, float size, String text, float max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : fonts.safe(font, text).split(" +")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(font, size, candidate) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > max && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > max) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
