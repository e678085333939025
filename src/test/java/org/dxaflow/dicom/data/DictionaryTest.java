package org.dxaflow.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DictionaryTest {

    /** DCMTK's copy of the PS3.6 data dictionary, the reference our constants are checked against. */
    private static Path dcmtkDictionary() throws IOException {
        String env = System.getenv("DCMDICTPATH");
        if (env != null && Files.isRegularFile(Path.of(env.split(":")[0]))) {
            return Path.of(env.split(":")[0]);
        }
        try (var dirs = Files.list(Path.of("/usr/share"))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("libdcmtk"))
                    .map(d -> d.resolve("dicom.dic")).filter(Files::isRegularFile).findFirst()
                    .orElseGet(() -> fail("DCMTK dicom.dic not found under /usr/share/libdcmtk*: install dcmtk"));
        }
    }

    private record DicEntry(String vr, String keyword) {
    }

    /** Parses lines like "(0010,0010)	PN	PatientName	1	DICOM" and "(6000-60FF,3000)	ox	...". */
    private static Map<Integer, DicEntry> loadDcmtkDictionary() throws IOException {
        Map<Integer, DicEntry> map = new HashMap<>();
        for (String line : Files.readAllLines(dcmtkDictionary())) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t+");
            String tag = f[0].substring(1, f[0].length() - 1);
            String group = tag.substring(0, 4);
            String element = tag.substring(tag.indexOf(',') + 1);
            if (element.length() != 4 || !element.matches("[0-9A-Fa-f]{4}")) {
                continue;
            }
            map.putIfAbsent(Integer.parseUnsignedInt(group + element, 16), new DicEntry(f[1], f[2]));
        }
        return map;
    }

    @Test
    void everyConstantMatchesTheDcmtkDictionary() throws IOException {
        Map<Integer, DicEntry> dic = loadDcmtkDictionary();
        // DCMTK codes for attributes PS3.6 gives two VRs; ours is the Implicit VR choice of PS3.5 A.1.
        Map<String, Set<VR>> multi = Map.of("px", Set.of(VR.OW, VR.OB), "ox", Set.of(VR.OW, VR.OB),
                "xs", Set.of(VR.US, VR.SS), "lt", Set.of(VR.OW, VR.US, VR.SS));
        List<String> problems = new ArrayList<>();
        for (Tag t : Dictionary.entries()) {
            DicEntry e = dic.get(t.value());
            if (e == null) {
                problems.add(t + ": not in dicom.dic");
                continue;
            }
            boolean vrOk = multi.containsKey(e.vr()) ? multi.get(e.vr()).contains(t.vr()) : e.vr().equals(t.vr().name());
            if (!vrOk || !e.keyword().equals(t.keyword())) {
                problems.add(t + " " + t.vr() + ": dicom.dic says " + e.vr() + " " + e.keyword());
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(Dictionary.entries().size() > 250, "dictionary unexpectedly small");
    }

    @Test
    void constantNamesAreTheirKeywords() throws IllegalAccessException {
        int count = 0;
        for (Class<?> holder : List.of(Tag.class, CommandTag.class)) {
            for (Field f : holder.getDeclaredFields()) {
                if (f.getType() == Tag.class && Modifier.isStatic(f.getModifiers())) {
                    assertEquals(f.getName(), ((Tag) f.get(null)).keyword());
                    count++;
                }
            }
        }
        assertEquals(Dictionary.entries().size(), count);
    }

    /** Spot checks against tag numbers printed in PS3.4 K.6 / F.7.2 and PS3.6, not our tables. */
    @Test
    void keyTagNumbersFromTheStandard() {
        assertEquals(0x00100010, Tag.PatientName.value());
        assertEquals(0x00100020, Tag.PatientID.value());
        assertEquals(0x00080050, Tag.AccessionNumber.value());
        assertEquals(0x0020000D, Tag.StudyInstanceUID.value());
        assertEquals(0x00400100, Tag.ScheduledProcedureStepSequence.value());
        assertEquals(0x00400001, Tag.ScheduledStationAETitle.value());
        assertEquals(0x00400002, Tag.ScheduledProcedureStepStartDate.value());
        assertEquals(0x00400009, Tag.ScheduledProcedureStepID.value());
        assertEquals(0x00400020, Tag.ScheduledProcedureStepStatus.value());
        assertEquals(0x00401001, Tag.RequestedProcedureID.value());
        assertEquals(0x00321060, Tag.RequestedProcedureDescription.value());
        assertEquals(0x00400252, Tag.PerformedProcedureStepStatus.value());
        assertEquals(0x00400270, Tag.ScheduledStepAttributesSequence.value());
        assertEquals(0x00400340, Tag.PerformedSeriesSequence.value());
        assertEquals(0x0040A730, Tag.ContentSequence.value());
        assertEquals(0x0040A040, Tag.ValueType.value());
        assertEquals(0x0040A30A, Tag.NumericValue.value());
        assertEquals(0x0040DB00, Tag.TemplateIdentifier.value());
        assertEquals(0x00420011, Tag.EncapsulatedDocument.value());
        assertEquals(0x00420012, Tag.MIMETypeOfEncapsulatedDocument.value());
        assertEquals(0x7FE00010, Tag.PixelData.value());
        assertEquals(0x00020010, Tag.TransferSyntaxUID.value());
        assertEquals(0x00000100, CommandTag.CommandField.value());
        assertEquals(0x00000900, CommandTag.Status.value());
    }

    @Test
    void structuralVrRules() {
        assertEquals(VR.UL, Dictionary.vrOf(0x00080000), "group length is UL");
        assertEquals(VR.UL, Dictionary.vrOf(0x00290000), "private group length is UL");
        assertEquals(VR.LO, Dictionary.vrOf(0x00290010), "private creator is LO");
        assertEquals(VR.LO, Dictionary.vrOf(0x000900FF), "private creator is LO");
        assertEquals(VR.UN, Dictionary.vrOf(0x00291010), "private data is UN");
        assertEquals(VR.UN, Dictionary.vrOf(0x00080001), "unknown public tag is UN");
        assertEquals(VR.UN, Dictionary.vrOf(Tag.ITEM));
        assertEquals(VR.US, Dictionary.vrOf(0x60020010), "OverlayRows in group 6002");
        assertEquals(VR.OW, Dictionary.vrOf(0x601E3000), "OverlayData in group 601E");
        assertEquals(VR.UN, Dictionary.vrOf(0x60011010), "odd 60xx groups are private");
        assertEquals(VR.PN, Dictionary.vrOf(0x00100010));
        assertEquals(VR.SQ, Dictionary.vrOf(0x00400100));
    }

    @Test
    void lookupByKeywordAndTagHelpers() {
        assertEquals(Tag.PatientName, Dictionary.forKeyword("PatientName"));
        assertNull(Dictionary.forKeyword("NoSuchKeyword"));
        assertNotNull(Dictionary.lookup(0x00080018));
        assertEquals("(0010,0010)", Tag.toString(0x00100010));
        assertEquals(0x0040A730, Tag.parse("(0040,A730)"));
        assertEquals(0x0040A730, Tag.parse("0040a730"));
        assertTrue(Tag.isPrivate(0x00291010));
        assertTrue(!Tag.isPrivate(0x00010010) && !Tag.isPrivate(0x00100010));
        assertTrue(Tag.compare(0xFFFEE000, 0x00020010) > 0, "tags compare unsigned");
    }
}
