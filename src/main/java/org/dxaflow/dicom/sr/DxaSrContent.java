package org.dxaflow.dicom.sr;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.Tag;

/**
 * Writes the content tree of the DXA result SR (PS3.3 C.17.3 SR Document Content Module):
 * <pre>
 * CONTAINER "Bone densitometry report"                       (root, SEPARATE)
 *   CONTAINS CONTAINER &lt;site&gt;                                (one per site and side)
 *     HAS CONCEPT MOD CODE "Laterality" = Left | Right         (paired sites only)
 *     CONTAINS NUM &lt;BMD&gt; g/cm2, then BMC g, area cm2, T-score, Z-score if measured
 *   CONTAINS CONTAINER "Vertebral fracture assessment"          (when VFA was done)
 *     CONTAINS CONTAINER &lt;vertebra&gt;                           (one per vertebra read)
 *       CONTAINS NUM "Genant semiquantitative grade" {grade}    (0 normal .. 3 severe)
 * </pre>
 * Codes come from {@link DxaSrCodes}; samples/dicom/README.md documents the layout.
 */
final class DxaSrContent {
    /** DS values are at most 16 characters (PS3.5 Table 6.2-1). */
    private static final int MAX_DS = 16;

    private DxaSrContent() {
    }

    static void writeRoot(Attributes sr, List<SiteMeasurement> measurements, List<VertebraGrade> vfa) {
        Set<String> seen = new HashSet<>();
        for (SiteMeasurement m : measurements) {
            if (!seen.add(m.label())) {
                // two containers for one site and side would leave a reader guessing which is right
                throw new IllegalArgumentException("site measured twice: " + m.label());
            }
        }
        sr.setString(Tag.ValueType, "CONTAINER");
        concept(sr, DxaSrCodes.REPORT);
        sr.setString(Tag.ContinuityOfContent, "SEPARATE");
        Sequence content = sr.newSequence(Tag.ContentSequence);
        for (SiteMeasurement m : measurements) {
            writeSite(content.addItem(), m);
        }
        if (!vfa.isEmpty()) {
            writeVfa(content.addItem(), vfa);
        }
    }

    private static void writeVfa(Attributes container, List<VertebraGrade> vfa) {
        container.setString(Tag.RelationshipType, "CONTAINS");
        container.setString(Tag.ValueType, "CONTAINER");
        concept(container, DxaSrCodes.VFA);
        container.setString(Tag.ContinuityOfContent, "SEPARATE");
        Sequence vertebrae = container.newSequence(Tag.ContentSequence);
        Set<String> seen = new HashSet<>();
        for (VertebraGrade g : vfa) {
            if (!seen.add(g.vertebra())) {
                throw new IllegalArgumentException("vertebra graded twice: " + g.vertebra());
            }
            Attributes v = vertebrae.addItem();
            v.setString(Tag.RelationshipType, "CONTAINS");
            v.setString(Tag.ValueType, "CONTAINER");
            concept(v, DxaSrCodes.vertebra(g.vertebra()));
            v.setString(Tag.ContinuityOfContent, "SEPARATE");
            writeNum(v.newSequence(Tag.ContentSequence).addItem(), DxaSrCodes.GENANT_GRADE,
                    BigDecimal.valueOf(g.genantGrade()), DxaSrCodes.GRADE_UNIT);
        }
    }

    private static void writeSite(Attributes container, SiteMeasurement m) {
        container.setString(Tag.RelationshipType, "CONTAINS");
        container.setString(Tag.ValueType, "CONTAINER");
        concept(container, DxaSrCodes.site(m.site()));
        container.setString(Tag.ContinuityOfContent, "SEPARATE");
        Sequence children = container.newSequence(Tag.ContentSequence);
        if (m.side() != null) {
            Attributes mod = children.addItem();
            mod.setString(Tag.RelationshipType, "HAS CONCEPT MOD");
            mod.setString(Tag.ValueType, "CODE");
            concept(mod, DxaSrCodes.LATERALITY);
            DxaSrCodes.laterality(m.side()).writeTo(mod.newSequence(Tag.ConceptCodeSequence).addItem());
        }
        for (MeasurementKind kind : MeasurementKind.values()) {
            BigDecimal value = m.value(kind);
            if (value != null) {
                writeNum(children.addItem(), DxaSrCodes.measurement(m.site(), kind), value, kind.unit());
            }
        }
    }

    private static void writeNum(Attributes num, Code name, BigDecimal value, Code unit) {
        num.setString(Tag.RelationshipType, "CONTAINS");
        num.setString(Tag.ValueType, "NUM");
        concept(num, name);
        Attributes measured = num.newSequence(Tag.MeasuredValueSequence).addItem();
        unit.writeTo(measured.newSequence(Tag.MeasurementUnitsCodeSequence).addItem());
        measured.setString(Tag.NumericValue, ds(value));
    }

    static String ds(BigDecimal value) {
        String text = value.toPlainString();
        if (text.length() > MAX_DS) {
            throw new IllegalArgumentException("value does not fit a DS (16 characters): " + text);
        }
        return text;
    }

    private static void concept(Attributes item, Code code) {
        code.writeTo(item.newSequence(Tag.ConceptNameCodeSequence).addItem());
    }
}
