package org.dxaflow.dicom.data;

import static org.dxaflow.dicom.data.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
import static org.dxaflow.dicom.data.TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.dxaflow.dicom.data.DataSetWriter.SequenceLength;
import org.junit.jupiter.api.Test;

/** Malformed and malicious input must fail fast with DicomParseException, never OOM or hang. */
class HostileInputTest {

    private static final DataSetReader.Limits NO_VALUE_LIMIT = new DataSetReader.Limits(Long.MAX_VALUE, 64);

    /** Reads from a stream whose length the reader does not know, as from a socket. */
    private static Attributes readStream(byte[] data, TransferSyntax ts, DataSetReader.Limits limits)
            throws IOException {
        return new DataSetReader(new ByteArrayInputStream(data), -1, ts, limits).readDataSet();
    }

    private static String assertParseError(byte[] data, TransferSyntax ts) {
        DicomParseException fromArray = assertThrows(DicomParseException.class, () -> DataSetReader.read(data, ts));
        assertThrows(DicomParseException.class, () -> readStream(data, ts, DataSetReader.Limits.DEFAULT));
        return fromArray.getMessage();
    }

    @Test
    void lengthPastTheEnd() {
        byte[] data = new Bytes().tag(0x00100010).ascii("PN").u16(100).ascii("Doe^John").toArray();
        String message = assertParseError(data, EXPLICIT_VR_LITTLE_ENDIAN);
        assertTrue(message.contains("runs past the end"), message);
    }

    @Test
    void absurdLengthForANonSequenceFailsWithoutAllocating() {
        byte[] explicit = new Bytes().longHeader(0x00291010, "OB", 0xFFFFFFF0L).raw(1, 2, 3, 4).toArray();
        byte[] implicit = new Bytes().tag(0x00100010).u32(0xFFFFFFF0L).ascii("Doe^").toArray();
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            long before = allocatedBytes();
            assertParseError(explicit, EXPLICIT_VR_LITTLE_ENDIAN);
            assertParseError(implicit, IMPLICIT_VR_LITTLE_ENDIAN);
            assertThrows(DicomParseException.class, () -> readStream(explicit, EXPLICIT_VR_LITTLE_ENDIAN, NO_VALUE_LIMIT));
            assertTrue(allocatedBytes() - before < (32 << 20), "allocated too much for a forged length");
        });
    }

    @Test
    void largeForgedLengthOnAShortStreamAllocatesOnlyWhatArrived() {
        // 2 GB claimed, 4 bytes present, stream length unknown and no value limit
        byte[] data = new Bytes().longHeader(0x00291010, "OB", 0x7FFFFFF0L).raw(1, 2, 3, 4).toArray();
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            long before = allocatedBytes();
            DicomParseException e = assertThrows(DicomParseException.class,
                    () -> readStream(data, EXPLICIT_VR_LITTLE_ENDIAN, NO_VALUE_LIMIT));
            assertTrue(e.getMessage().contains("unexpected end"), e.getMessage());
            assertTrue(allocatedBytes() - before < (32 << 20), "allocated too much for a forged length");
        });
    }

    @Test
    void valueLimitIsEnforced() {
        byte[] data = new Bytes().longHeader(0x00291010, "OB", 16).raw(new byte[16]).toArray();
        DataSetReader.Limits small = new DataSetReader.Limits(8, 64);
        DicomParseException e = assertThrows(DicomParseException.class,
                () -> new DataSetReader(new ByteArrayInputStream(data), data.length, EXPLICIT_VR_LITTLE_ENDIAN, small)
                        .readDataSet());
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
    }

    @Test
    void absurdNestingDepth() {
        Bytes b = new Bytes();
        for (int i = 0; i < 10_000; i++) {
            b.longHeader(0x0040A730, "SQ", 0xFFFFFFFFL).item(0xFFFFFFFFL);
        }
        byte[] data = b.toArray();
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            String message = assertParseError(data, EXPLICIT_VR_LITTLE_ENDIAN);
            assertTrue(message.contains("nested deeper"), message);
        });
    }

    @Test
    void itemLongerThanItsSequence() {
        byte[] data = new Bytes().longHeader(0x00400100, "SQ", 16).item(100)
                .shortElement(0x00080060, "CS", "OT").toArray();
        assertParseError(data, EXPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void unknownVrUndefinedTextLengthAndStrayDelimiters() {
        assertTrue(assertParseError(new Bytes().tag(0x00100010).ascii("ZZ").u16(0).toArray(),
                EXPLICIT_VR_LITTLE_ENDIAN).contains("unknown VR"));
        assertTrue(assertParseError(new Bytes().longHeader(0x0040A160, "UT", 0xFFFFFFFFL).toArray(),
                EXPLICIT_VR_LITTLE_ENDIAN).contains("undefined length is not allowed"));
        assertParseError(new Bytes().sequenceEnd().toArray(), EXPLICIT_VR_LITTLE_ENDIAN);
        assertParseError(new Bytes().longHeader(0x00400100, "SQ", 0xFFFFFFFFL)
                .shortElement(0x00080060, "CS", "OT").toArray(), EXPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void strayItemDelimiterAfterDefinedLengthItemIsTolerated() throws Exception {
        byte[] data = new Bytes().longHeader(0x00400100, "SQ", 0xFFFFFFFFL)
                .item(10).shortElement(0x00080060, "CS", "OT").itemEnd()
                .sequenceEnd().toArray();
        Attributes ds = DataSetReader.read(data, EXPLICIT_VR_LITTLE_ENDIAN);
        org.junit.jupiter.api.Assertions.assertEquals("OT",
                ds.getItem(Tag.ScheduledProcedureStepSequence, 0).getString(Tag.Modality));
    }

    @Test
    void notAPart10File() {
        byte[] junk = new byte[200];
        DicomParseException e = assertThrows(DicomParseException.class,
                () -> DicomFile.read(new ByteArrayInputStream(junk)));
        assertTrue(e.getMessage().contains("DICM"), e.getMessage());
        assertThrows(DicomParseException.class, () -> DicomFile.read(new ByteArrayInputStream(new byte[50])));
    }

    /** Every prefix of a valid encoding either reads (cut between top level elements) or fails cleanly. */
    @Test
    void everyTruncationFailsCleanly() {
        for (TransferSyntax ts : new TransferSyntax[] {EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN}) {
            for (SequenceLength lengths : SequenceLength.values()) {
                byte[] full = DataSetWriter.encode(RoundTripTest.sample(), ts, lengths);
                for (int n = 0; n < full.length; n++) {
                    byte[] cut = Arrays.copyOf(full, n);
                    for (boolean stream : new boolean[] {false, true}) {
                        try {
                            if (stream) {
                                readStream(cut, ts, DataSetReader.Limits.DEFAULT);
                            } else {
                                DataSetReader.read(cut, ts);
                            }
                        } catch (DicomParseException expected) {
                            // fine
                        } catch (Exception | StackOverflowError e) {
                            fail("prefix of " + n + " bytes (" + ts.name() + ", " + lengths + "): " + e, e);
                        }
                    }
                }
            }
        }
    }

    /** Random byte corruption: only success or DicomParseException, quickly. */
    @Test
    void randomCorruptionFailsCleanly() {
        Random random = new Random(20240115);
        byte[] valid = DataSetWriter.encode(RoundTripTest.sample(), EXPLICIT_VR_LITTLE_ENDIAN, SequenceLength.DEFINED);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 3000; i++) {
                byte[] bad = valid.clone();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
                }
                TransferSyntax ts = i % 2 == 0 ? EXPLICIT_VR_LITTLE_ENDIAN : IMPLICIT_VR_LITTLE_ENDIAN;
                try {
                    Attributes ds = DataSetReader.read(bad, ts);
                    Dump.toString(ds); // decoding whatever was read must not blow up either
                } catch (DicomParseException expected) {
                    // fine
                }
            }
        });
    }

    private static long allocatedBytes() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
