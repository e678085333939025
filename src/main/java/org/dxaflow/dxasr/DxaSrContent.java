package org.dxaflow.dxasr;

import static org.dxaflow.dicom.sr.ContentItems.CONTAINS;
import static org.dxaflow.dicom.sr.ContentItems.HAS_CONCEPT_MOD;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.sr.ContentItems;

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
        Sequence content = ContentItems.container(sr, null, DxaSrCodes.REPORT);
        for (SiteMeasurement m : measurements) {
            writeSite(content.addItem(), m);
        }
        if (!vfa.isEmpty()) {
            writeVfa(content.addItem(), vfa);
        }
    }

    private static void writeVfa(Attributes container, List<VertebraGrade> vfa) {
        Sequence vertebrae = ContentItems.container(container, CONTAINS, DxaSrCodes.VFA);
        Set<String> seen = new HashSet<>();
        for (VertebraGrade g : vfa) {
            if (!seen.add(g.vertebra())) {
                throw new IllegalArgumentException("vertebra graded twice: " + g.vertebra());
            }
            Sequence grade = ContentItems.container(vertebrae.addItem(), CONTAINS, DxaSrCodes.vertebra(g.vertebra()));
            ContentItems.num(grade.addItem(), CONTAINS, DxaSrCodes.GENANT_GRADE, BigDecimal.valueOf(g.genantGrade()),
                    DxaSrCodes.GRADE_UNIT);
        }
    }

    private static void writeSite(Attributes container, SiteMeasurement m) {
        Sequence children = ContentItems.container(container, CONTAINS, DxaSrCodes.site(m.site()));
        if (m.side() != null) {
            ContentItems.code(children.addItem(), HAS_CONCEPT_MOD, DxaSrCodes.LATERALITY,
                    DxaSrCodes.laterality(m.side()));
        }
        for (MeasurementKind kind : MeasurementKind.values()) {
            BigDecimal value = m.value(kind);
            if (value != null) {
                ContentItems.num(children.addItem(), CONTAINS, DxaSrCodes.measurement(m.site(), kind), value,
                        kind.unit());
            }
        }
    }
}
