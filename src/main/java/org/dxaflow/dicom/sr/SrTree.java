package org.dxaflow.dicom.sr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.Tag;

/**
 * Reads the content tree of an SR data set (the document root is the data set itself) into
 * {@link SrItem}s. Nothing is interpreted here: which items mean what is the mapping's business.
 */
public final class SrTree {

    /** SR Storage SOP classes share this prefix (PS3.4 B.5: 1.2.840.10008.5.1.4.1.1.88.x). */
    public static final String SR_CLASS_PREFIX = "1.2.840.10008.5.1.4.1.1.88.";

    private SrTree() {
    }

    public static boolean isStructuredReport(String sopClassUid) {
        return sopClassUid != null && sopClassUid.startsWith(SR_CLASS_PREFIX);
    }

    /** The root CONTAINER with its descendants. */
    public static SrItem read(Attributes dataSet) {
        return item(dataSet, "1", null);
    }

    private static SrItem item(Attributes a, String position, String relationship) {
        String valueType = a.getString(Tag.ValueType, "").trim();
        BigDecimal number = null;
        Concept unit = null;
        String text = null;
        if ("NUM".equals(valueType)) {
            Sequence measured = a.getSequence(Tag.MeasuredValueSequence);
            if (measured != null && !measured.isEmpty()) {
                Attributes mv = measured.get(0);
                text = mv.getString(Tag.NumericValue);
                number = decimal(text);
                unit = Concept.first(mv, Tag.MeasurementUnitsCodeSequence);
            }
        } else if ("TEXT".equals(valueType)) {
            text = a.getString(Tag.TextValue);
        } else if ("DATE".equals(valueType)) {
            text = a.getString(Tag.Date);
        } else if ("DATETIME".equals(valueType)) {
            text = a.getString(Tag.DateTime);
        } else if ("UIDREF".equals(valueType)) {
            text = a.getString(Tag.UID);
        }
        List<SrItem> children = new ArrayList<>();
        Sequence content = a.getSequence(Tag.ContentSequence);
        if (content != null) {
            int n = 0;
            for (Attributes child : content) {
                n++;
                children.add(item(child, position + "." + n, child.getString(Tag.RelationshipType, "").trim()));
            }
        }
        return new SrItem(position, relationship, valueType, Concept.first(a, Tag.ConceptNameCodeSequence), number,
                unit, "CODE".equals(valueType) ? Concept.first(a, Tag.ConceptCodeSequence) : null,
                text == null ? null : text.trim(), children);
    }

    /** A DS value as an exact decimal; null when it is not one (the raw text stays in {@link SrItem#text}). */
    private static BigDecimal decimal(String ds) {
        if (ds == null || ds.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(ds.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
