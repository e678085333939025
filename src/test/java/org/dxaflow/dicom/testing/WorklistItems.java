package org.dxaflow.dicom.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;

/**
 * Worklist items from the template src/test/resources/dicom/sim/worklist-item.dump, converted by
 * DCMTK dump2dcm so that the bytes under test come from DCMTK, not from our own encoder.
 */
public final class WorklistItems {
    /** Values the template puts in every item (see the dump). */
    public static final String STUDY_UID_PREFIX = "1.2.826.0.1.3680043.10.999.";
    public static final String PATIENT_NAME = "Testpatient^Anna";
    public static final String BIRTH_DATE = "19550301";
    public static final String SEX = "F";
    public static final String PROTOCOL_MEANING = "Spine and hip protocol";
    public static final String STEP_DESCRIPTION = "DXA spine and left hip";
    public static final String PROCEDURE_DESCRIPTION = "DXA lumbar spine and hip";

    private WorklistItems() {
    }

    public static String dump(String accession, int n) throws IOException {
        try (InputStream in = WorklistItems.class.getResourceAsStream("/dicom/sim/worklist-item.dump")) {
            if (in == null) {
                throw new IOException("missing test resource /dicom/sim/worklist-item.dump");
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .replace("@ACC@", accession).replace("@N@", String.valueOf(n));
        }
    }

    /** dump2dcm of the item into {@code file}. */
    public static Path write(Path file, String accession, int n) throws Exception {
        Path dumpFile = file.resolveSibling(file.getFileName() + ".dump");
        Files.writeString(dumpFile, dump(accession, n), StandardCharsets.ISO_8859_1);
        Dcmtk.Result r = Dcmtk.run("dump2dcm", "+te", dumpFile.toString(), file.toString());
        assertEquals(0, r.exitCode(), "dump2dcm failed: " + r.output());
        Files.delete(dumpFile);
        return file;
    }

    /** The item as a data set, read from the DCMTK-written file. */
    public static Attributes attributes(Path dir, String accession, int n) throws Exception {
        return DicomFile.read(write(dir.resolve("item-" + n + ".dcm"), accession, n)).dataSet();
    }
}
