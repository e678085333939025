package org.dxaflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The HL7 samples shipped in samples/hl7, which the tests send as a RIS would. */
public final class Samples {
    private Samples() {
    }

    public static String hl7(String name) {
        try {
            return Files.readString(Path.of("samples/hl7", name), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample with its MSH-10 control ID replaced, as a RIS sends a new message. */
    public static String withControlId(String message, String controlId) {
        String[] lines = message.split("\r\n|\r|\n");
        String[] msh = lines[0].split("\\|", -1);
        msh[9] = controlId;
        lines[0] = String.join("|", msh);
        return String.join("\r", lines);
    }

    /** Reads field n (1-based, MSH numbering for MSH) of the first segment with this name. */
    public static String field(String message, String segment, int n) {
        for (String line : message.split("\r\n|\r|\n")) {
            if (line.startsWith(segment + "|")) {
                String[] f = line.split("\\|", -1);
                int index = segment.equals("MSH") ? n - 1 : n;
                return index < f.length ? f[index] : "";
            }
        }
        return null;
    }
}
