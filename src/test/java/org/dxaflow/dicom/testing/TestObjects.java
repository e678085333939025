package org.dxaflow.dicom.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Builds small DICOM test files with DCMTK dump2dcm from the dumps in src/test/resources/dicom/net. */
public final class TestObjects {
    public static final String SR_INSTANCE = "2.25.281104815297016101318917063211001";
    public static final String SC_INSTANCE = "2.25.281104815297016101318917063211011";
    public static final String CT_INSTANCE = "2.25.281104815297016101318917063211021";

    private TestObjects() {
    }

    /** @param xferOption dump2dcm output TS option: "+te" explicit LE, "+ti" implicit LE */
    public static Path basicTextSr(Path dir, String xferOption) throws Exception {
        return fromDump(dir, "basic-text-sr.dump", "sr" + xferOption.replace("+", "_"), xferOption);
    }

    public static Path secondaryCapture(Path dir, String xferOption) throws Exception {
        return fromDump(dir, "secondary-capture.dump", "sc" + xferOption.replace("+", "_"), xferOption);
    }

    public static Path ctImage(Path dir) throws Exception {
        return fromDump(dir, "unsupported-class.dump", "ct", "+te");
    }

    private static Path fromDump(Path dir, String resource, String name, String xferOption) throws Exception {
        String dump = resource(resource).replace("@PIXELS@", pixels(128 * 128));
        return Dcmtk.dump2dcmText(dump, StandardCharsets.US_ASCII, dir, name, "+l", "200000", xferOption);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TestObjects.class.getResourceAsStream("/dicom/net/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /dicom/net/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** A deterministic gradient so that any reordering or loss of fragments changes the pixels. */
    private static String pixels(int n) {
        StringJoiner j = new StringJoiner("\\");
        for (int i = 0; i < n; i++) {
            j.add(String.format("%02x", (i * 7 + i / 128) & 0xFF));
        }
        return j.toString();
    }

    /**
     * dcmdump lines of the data set only: everything after "# Dicom-Data-Set" except the line naming
     * the transfer syntax (which legitimately differs when a sender converted it).
     */
    public static List<String> dataSetDump(Path file) throws Exception {
        return dataSetDump(file, false);
    }

    /** @param valuesOnly drop dcmdump's "# length, VM name" comment (encoding-dependent lengths) */
    public static List<String> dataSetDump(Path file, boolean valuesOnly) throws Exception {
        Dcmtk.Result r = Dcmtk.run("dcmdump", "+L", file.toString());
        assertEquals(0, r.exitCode(), "dcmdump failed on " + file + ": " + r.output());
        List<String> lines = new ArrayList<>();
        boolean inDataSet = false;
        for (String line : r.output().split("\n")) {
            if (line.startsWith("# Dicom-Data-Set")) {
                inDataSet = true;
                continue;
            }
            if (inDataSet && !line.startsWith("# Used TransferSyntax") && !line.isBlank()) {
                int hash = line.lastIndexOf(" #");
                lines.add(valuesOnly && hash > 0 ? line.substring(0, hash).stripTrailing() : line);
            }
        }
        return lines;
    }

    /** DCMTK dcmconv of a file into another transfer syntax ("+ti", "+te"). */
    public static Path convert(Path file, String xferOption) throws Exception {
        Path out = file.resolveSibling(file.getFileName() + xferOption.replace("+", "_") + ".dcm");
        Dcmtk.Result r = Dcmtk.run("dcmconv", xferOption, file.toString(), out.toString());
        assertEquals(0, r.exitCode(), "dcmconv failed: " + r.output());
        return out;
    }

    /** Compares the dcmdump data set lines, reporting the first difference compactly. */
    public static void assertSameDataSet(Path expected, Path actual) throws Exception {
        List<String> e = dataSetDump(expected);
        List<String> a = dataSetDump(actual);
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            if (!e.get(i).equals(a.get(i))) {
                fail("data sets of " + expected.getFileName() + " and " + actual.getFileName() + " differ at line "
                        + i + ":\n expected " + clip(e.get(i)) + "\n actual   " + clip(a.get(i)));
            }
        }
        assertEquals(e.size(), a.size(), "number of dcmdump lines of " + actual.getFileName());
        assertTrue(e.size() > 10, "suspiciously small dump: " + e);
    }

    private static String clip(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    /** dcmdump lines of the meta header. */
    public static List<String> metaDump(Path file) throws Exception {
        Dcmtk.Result r = Dcmtk.run("dcmdump", file.toString());
        assertEquals(0, r.exitCode(), "dcmdump failed on " + file + ": " + r.output());
        return r.output().lines().filter(l -> l.startsWith("(0002,")).toList();
    }
}
