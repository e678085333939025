package org.dxaflow.dicom.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetWriter;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.junit.jupiter.api.Test;

/** What {@link ContentItems} writes, {@link SrTree} reads back, with no template in between. */
class ContentTreeTest {

    private static final Code ROOT = new Code("ROOT", "99TEST", "Test report");
    private static final Code SITE = new Code("29627003", "SCT", "Neck of femur");
    private static final Code LATERALITY = new Code("272741003", "SCT", "Laterality");
    private static final Code LEFT = new Code("7771000", "SCT", "Left");
    private static final Code BMD = new Code("BMD", "99TEST", "Bone mineral density");
    private static final Code G_CM2 = new Code("g/cm2", "UCUM", "g/cm2");

    private static Attributes document() {
        Attributes sr = new Attributes().setString(Tag.SOPClassUID, SopClass.COMPREHENSIVE_SR_STORAGE)
                .setString(Tag.SOPInstanceUID, "2.25.7");
        Attributes site = ContentItems.container(sr, null, ROOT).addItem();
        Sequence children = ContentItems.container(site, ContentItems.CONTAINS, SITE);
        ContentItems.code(children.addItem(), ContentItems.HAS_CONCEPT_MOD, LATERALITY, LEFT);
        ContentItems.num(children.addItem(), ContentItems.CONTAINS, BMD, new BigDecimal("0.910"), G_CM2);
        return sr;
    }

    @Test
    void writtenItemsReadBackAsATree() throws Exception {
        // through the encoder and decoder, so the tree is what a receiver of the object would see
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DicomFile.of(document(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .write(file, DataSetWriter.SequenceLength.UNDEFINED);
        Attributes decoded = DicomFile.read(new ByteArrayInputStream(file.toByteArray())).dataSet();

        SrItem root = SrTree.read(decoded);
        assertTrue(root.isContainer());
        assertNull(root.relationship(), "the root has no parent");
        assertTrue(root.name().is("ROOT", "99test"), "scheme compared without case: " + root.name());

        SrItem site = root.children().get(0);
        assertEquals("1.1", site.position());
        assertEquals("CONTAINS", site.relationship());
        assertTrue(site.name().is("29627003", "SCT"));
        assertEquals(List.of("1.1.1"), site.modifiers().stream().map(SrItem::position).toList());
        assertTrue(site.modifiers().get(0).code().is("7771000", "SCT"));

        SrItem bmd = site.children().get(1);
        assertTrue(bmd.isNum());
        assertEquals(new BigDecimal("0.910"), bmd.number(), "the digits as written, 0.910 not 0.91");
        assertTrue(bmd.unit().is("g/cm2", "UCUM"));
        assertTrue(SrTree.isStructuredReport(decoded.getString(Tag.SOPClassUID)));
    }

    @Test
    void aValueThatDoesNotFitADsIsRefusedNotRounded() {
        Attributes item = new Attributes();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContentItems.num(item,
                ContentItems.CONTAINS, BMD, new BigDecimal("0.12345678901234567"), G_CM2));
        assertTrue(e.getMessage().contains("DS"), e.getMessage());
    }
}
