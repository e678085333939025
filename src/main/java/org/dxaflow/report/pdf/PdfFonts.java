package org.dxaflow.report.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The regular and bold fonts of one PDF. A TrueType font shipped with the OS is embedded (subset) when
 * present, because the report prints ², ±, Δ and − which the Standard 14 fonts' WinAnsi encoding
 * partly lacks; without one, Helvetica is used and each character it cannot encode is replaced by a
 * readable ASCII equivalent ({@link #safe}), so a missing font never stops a report.
 */
final class PdfFonts {

    /** Regular/bold pairs, first present wins: DejaVu (Debian/Ubuntu fonts-dejavu-core), then Liberation. */
    static final List<Path[]> CANDIDATES = List.of(
            new Path[]{Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                    Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")},
            new Path[]{Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
                    Path.of("/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf")},
            new Path[]{Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
                    Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf")},
            new Path[]{Path.of("/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf"),
                    Path.of("/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf")});

    private static final Map<Character, String> ASCII = Map.of(
            '\u0394', "change ", '\u2212', "-", '\u2265', ">=", '\u2264', "<=", '\u2014', "-", '\u2013', "-",
            '\u00b2', "2", '\u00b1', "+/-");

    final PDFont regular;
    final PDFont bold;
    final boolean embedded;

    private PdfFonts(PDFont regular, PDFont bold, boolean embedded) {
        this.regular = regular;
        this.bold = bold;
        this.embedded = embedded;
    }

    static PdfFonts load(PDDocument document, List<Path[]> candidates) {
        for (Path[] pair : candidates) {
            if (Files.isReadable(pair[0]) && Files.isReadable(pair[1])) {
                try {
                    return new PdfFonts(PDType0Font.load(document, pair[0].toFile()),
                            PDType0Font.load(document, pair[1].toFile()), true);
                } catch (IOException | RuntimeException e) {
                    // a damaged font file: try the next, and in the end the Standard 14 fonts
                }
            }
        }
        return new PdfFonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), false);
    }

    /** The text with every character the font cannot show replaced, so showText never throws. */
    String safe(PDFont font, String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\r' || cp == '\n') {
                out.append(' ');
                continue;
            }
            if (encodable(font, ch)) {
                out.append(ch);
            } else {
                String alt = cp <= 0xFFFF ? ASCII.get((char) cp) : null;
                out.append(alt != null && encodable(font, alt) ? alt : "?");
            }
        }
        return out.toString();
    }

    private static boolean encodable(PDFont font, String s) {
        try {
            font.encode(s);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException | IllegalArgumentException e) {
            return text.length() * size * 0.6f;
        }
    }
}
