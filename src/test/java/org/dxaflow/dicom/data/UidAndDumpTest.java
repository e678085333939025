package org.dxaflow.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UidAndDumpTest {

    @Test
    void generatedUidsAreValidUniqueAndUnderTheRoot() {
        for (String root : new String[] {UidGenerator.DEFAULT_ROOT, "1.2.826.0.1.3680043.10.1234", "2.25"}) {
            UidGenerator gen = new UidGenerator(root);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 10_000; i++) {
                String uid = gen.createUid();
                assertTrue(uid.length() <= 64, uid);
                assertTrue(uid.matches("[0-9.]+"), uid);
                assertTrue(uid.startsWith(root + "."), uid);
                for (String component : uid.split("\\.")) {
                    assertTrue(component.equals("0") || !component.startsWith("0"), "leading zero: " + uid);
                }
                assertTrue(seen.add(uid), "duplicate " + uid);
            }
        }
    }

    @Test
    void defaultRootIsA225UuidRoot() {
        assertTrue(UidGenerator.DEFAULT_ROOT.matches("2\\.25\\.[1-9][0-9]{0,38}"));
        assertTrue(new java.math.BigInteger(UidGenerator.DEFAULT_ROOT.substring(5)).bitLength() <= 128);
        assertEquals("dxaflow.dicom.uidroot", UidGenerator.CONFIG_KEY);
    }

    @Test
    void badRootsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new UidGenerator("1.02.3"));
        assertThrows(IllegalArgumentException.class, () -> new UidGenerator("1.2."));
        assertThrows(IllegalArgumentException.class, () -> new UidGenerator("1.2.a"));
        assertThrows(IllegalArgumentException.class, () -> new UidGenerator("1." + "2".repeat(50)));
    }

    @Test
    void validation() {
        assertTrue(UidGenerator.isValid("1.2.840.10008.1.2.1"));
        assertTrue(UidGenerator.isValid("2.25.0"));
        assertFalse(UidGenerator.isValid("1.2.840.010008"));
        assertFalse(UidGenerator.isValid("1..2"));
        assertFalse(UidGenerator.isValid("1." + "1".repeat(63)));
    }

    @Test
    void nameBasedUidsAreStable() {
        UidGenerator gen = new UidGenerator("1.2.3");
        assertEquals(gen.nameBasedUid("ACC12345"), gen.nameBasedUid("ACC12345"));
        assertNotEquals(gen.nameBasedUid("ACC12345"), gen.nameBasedUid("ACC12346"));
        assertTrue(UidGenerator.isValid(gen.nameBasedUid("x")));
    }

    @Test
    void implementationIdentity() {
        assertTrue(UidGenerator.isValid(Implementation.CLASS_UID));
        assertTrue(Implementation.CLASS_UID.startsWith(UidGenerator.DEFAULT_ROOT + "."));
        assertTrue(Implementation.VERSION_NAME.length() <= 16, "SH holds 16 characters");
        assertTrue(Implementation.VERSION_NAME.startsWith("DXAFLOW_"));
        assertTrue(Implementation.VERSION_NAME.matches("[\\x20-\\x7E&&[^\\\\]]+"), "default repertoire");
    }

    @Test
    void dumpShowsTagsVrsValuesAndNesting() {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, "Doe^John");
        ds.setInt(Tag.Rows, 512);
        ds.newSequence(Tag.ScheduledProcedureStepSequence).addItem().setString(Tag.Modality, "OT");
        ds.setBytes(0x00291010, VR.OB, new byte[] {1, 2});
        String dump = Dump.toString(ds);
        String[] lines = dump.split("\n");
        assertEquals(6, lines.length, dump);
        assertTrue(lines[0].startsWith("(0010,0010) PN [Doe^John]"), dump);
        assertTrue(lines[0].endsWith("# PatientName"), dump);
        assertTrue(lines[1].startsWith("(0028,0010) US 512"), dump);
        assertTrue(lines[2].startsWith("(0029,1010) OB 01\\02 (2 bytes)"), dump);
        assertTrue(lines[3].startsWith("(0040,0100) SQ (1 item)"), dump);
        assertTrue(lines[4].startsWith("  (FFFE,E000) item 1"), dump);
        assertTrue(lines[5].startsWith("    (0008,0060) CS [OT]"), dump);
    }

    @Test
    void redactedDumpHidesPatientData() {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, "Doe^John");
        ds.setString(Tag.PatientID, "PID42");
        ds.setString(Tag.AccessionNumber, "ACC42");
        ds.setString(Tag.Modality, "OT");
        ds.newSequence(Tag.ScheduledProcedureStepSequence).addItem()
                .setString(Tag.ScheduledPerformingPhysicianName, "Who^Dr");
        String dump = Dump.redacted(ds);
        assertFalse(dump.contains("Doe"), dump);
        assertFalse(dump.contains("PID42"), dump);
        assertFalse(dump.contains("ACC42"), dump);
        assertFalse(dump.contains("Who"), dump);
        assertTrue(dump.contains("[OT]"), dump);
        assertTrue(dump.contains("(0010,0010) PN ***"), dump);
    }
}
