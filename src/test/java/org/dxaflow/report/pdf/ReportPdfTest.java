package org.dxaflow.report.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.text.ReportWording;
import org.dxaflow.report.text.WordingExamples;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF as a reader (and PDFBox's text extraction) sees it. */
class ReportPdfTest {

    private final ReportWording wording = new ReportWording(WordingExamples.CONF);
    private final ReportPdf pdf = new ReportPdf(WordingExamples.CONF);

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument d = Loader.loadPDF(bytes)) {
            // lines wrap where the layout decides: compare words, not line breaks
            return new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
    }

    @Test
    void preliminaryCarriesPatientFiguresCategoryAndStatus() throws IOException {
        ReportDocument doc = WordingExamples.significantLoss();
        String t = text(pdf.render(doc.withText(wording.render(doc))));
        // ReportExamples' patient: NHS number 9434765919, printed 3-3-4
        assertTrue(t.contains("943 476 5919"), t);
        // each site's BMD and T-score as stored (WordingExamples.significantLoss)
        for (String v : List.of("0.800", "-2.1", "0.600", "-2.2", "0.700", "-2.0")) {
            assertTrue(t.contains(v), v);
        }
        assertTrue(t.contains("-0.050 (-7.7 %)"), t);
        assertTrue(t.contains("significant (LSC 0.035)"), t);
        assertTrue(t.contains("Osteopenia (WHO)"), t);
        assertTrue(t.contains("PRELIMINARY"), t);
        assertTrue(t.contains("Mrs Jane SMITH") && t.contains("12 Mar 1955"), t);
        assertFalse(t.contains("Verified by"));
    }

    @Test
    void verifiedNamesTheReporterAndIsNotPreliminary() throws IOException {
        String t = text(pdf.render(WordingExamples.verified(WordingExamples.osteopenia(), wording)));
        assertTrue(t.contains("Verified by Dr Ada Lovelace, Consultant radiologist (GMC 7000001) on 28 Nov 2026 11:15"), t);
        assertFalse(t.contains("PRELIMINARY"), t);
        assertTrue(t.contains("FINAL"), t);
    }

    @Test
    void amendedShowsItsReason() throws IOException {
        ReportDocument a = WordingExamples.amended(WordingExamples.verified(WordingExamples.osteopenia(), wording),
                "wrong side recorded", "The femoral neck measured was the right.");
        String t = text(pdf.render(a));
        assertTrue(t.contains("AMENDED REPORT — wrong side recorded") || t.contains("AMENDED REPORT - wrong side recorded"), t);
    }

    @Test
    void notClassifiedIsPrintedPlainly() throws IOException {
        ReportDocument doc = WordingExamples.menopausalStatusNotStated();
        String t = text(pdf.render(doc.withText(wording.render(doc))));
        assertTrue(t.contains("Not classified: menopausal status not stated"), t);
    }

    @Test
    void pagesAreA4() throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.render(WordingExamples.normal()))) {
            for (PDPage p : d.getPages()) {
                // A4 = 210 x 297 mm = 595.28 x 841.89 pt
                assertEquals(595.28f, p.getMediaBox().getWidth(), 0.5f);
                assertEquals(841.89f, p.getMediaBox().getHeight(), 0.5f);
            }
        }
    }

    @Test
    void longTextWrapsOntoASecondPageAndNothingIsCutOrRunsOff() throws IOException {
        String words = IntStream.rangeClosed(1, 900).mapToObj(i -> String.format("w%04d", i))
                .collect(Collectors.joining(" "));
        byte[] bytes = pdf.render(WordingExamples.reporterOnly(words));
        List<Float> rightEdges = new ArrayList<>();
        String t;
        int pages;
        try (PDDocument d = Loader.loadPDF(bytes)) {
            pages = d.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        rightEdges.add(p.getXDirAdj() + p.getWidthDirAdj());
                    }
                    super.writeString(text, positions);
                }
            };
            t = stripper.getText(d);
        }
        assertTrue(pages >= 2, "pages " + pages);
        for (int i = 1; i <= 900; i++) {
            assertTrue(t.contains(String.format("w%04d", i)), "missing w" + i);
        }
        assertTrue(t.contains("Page 1 of " + pages) && t.contains("Page " + pages + " of " + pages), t);
        float maxRight = rightEdges.stream().max(Float::compare).orElse(0f);
        assertTrue(maxRight <= 595.28f - PdfPage.MARGIN + 1, "text runs to x=" + maxRight);
    }

    @Test
    void specialCharactersRenderWithTheOsFontAndDegradeWithoutIt() throws IOException {
        ReportDocument doc = WordingExamples.reporterOnly("Change Δ −0.050 ± 0.035 g/cm² since 2024.");
        String embedded = text(pdf.render(doc));
        assertTrue(embedded.contains("Δ −0.050 ± 0.035 g/cm²"), embedded);
        // no TrueType font: Helvetica, with what WinAnsi cannot show replaced, never an exception
        String fallback = text(new ReportPdf(wording, List.of()).render(doc));
        assertTrue(fallback.contains("0.035 g/cm²"), fallback);
        assertTrue(fallback.contains("-0.050"), fallback);
    }
}
