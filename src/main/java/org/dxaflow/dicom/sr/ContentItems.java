package org.dxaflow.dicom.sr;

import java.math.BigDecimal;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.Tag;

/**
 * Writes SR content items (PS3.3 C.17.3): relationship, value type and concept name, and the value
 * of the types a template needs. Which items go where is the template's business; here each item
 * is written the one way a reader ({@link SrTree}, DCMTK's dsrdump) expects it.
 */
public final class ContentItems {

    public static final String CONTAINS = "CONTAINS";
    public static final String HAS_CONCEPT_MOD = SrItem.CONCEPT_MODIFIER;

    /** DS values are at most 16 characters (PS3.5 Table 6.2-1). */
    private static final int MAX_DS = 16;

    private ContentItems() {
    }

    /**
     * A CONTAINER whose children are read separately (ContinuityOfContent SEPARATE).
     *
     * @param relationship to the parent; null for the document root, which has none
     * @return its ContentSequence, to add the children to
     */
    public static Sequence container(Attributes item, String relationship, Code name) {
        if (relationship != null) {
            item.setString(Tag.RelationshipType, relationship);
        }
        item.setString(Tag.ValueType, "CONTAINER");
        conceptName(item, name);
        item.setString(Tag.ContinuityOfContent, "SEPARATE");
        return item.newSequence(Tag.ContentSequence);
    }

    /** A CODE item: the concept {@code name} has the value {@code value}. */
    public static void code(Attributes item, String relationship, Code name, Code value) {
        item.setString(Tag.RelationshipType, relationship);
        item.setString(Tag.ValueType, "CODE");
        conceptName(item, name);
        value.writeTo(item.newSequence(Tag.ConceptCodeSequence).addItem());
    }

    /**
     * A NUM item with one measured value.
     *
     * @throws IllegalArgumentException the value does not fit a DS
     */
    public static void num(Attributes item, String relationship, Code name, BigDecimal value, Code unit) {
        item.setString(Tag.RelationshipType, relationship);
        item.setString(Tag.ValueType, "NUM");
        conceptName(item, name);
        Attributes measured = item.newSequence(Tag.MeasuredValueSequence).addItem();
        unit.writeTo(measured.newSequence(Tag.MeasurementUnitsCodeSequence).addItem());
        measured.setString(Tag.NumericValue, ds(value));
    }

    /** A decimal as a DS, digits as given: rounding a measurement to make it fit would change it. */
    static String ds(BigDecimal value) {
        String text = value.toPlainString();
        if (text.length() > MAX_DS) {
            throw new IllegalArgumentException("value does not fit a DS (16 characters): " + text);
        }
        return text;
    }

    private static void conceptName(Attributes item, Code name) {
        name.writeTo(item.newSequence(Tag.ConceptNameCodeSequence).addItem());
    }
}
