package org.dxaflow.dicom.sr;

import java.math.BigDecimal;
import java.util.List;

/**
 * One content item of an SR document tree (PS3.3 C.17.3), with only what result mapping reads.
 *
 * @param position    PS3.3 "by-position" address of the item, e.g. {@code 1.2.3}; the root is {@code 1}
 * @param relationship RelationshipType to the parent ({@code CONTAINS}, {@code HAS CONCEPT MOD}, ...); null for the root
 * @param number      NUM: the numeric value; null when the item carries none
 * @param unit        NUM: the measurement units code
 * @param code        CODE: the concept value
 * @param text        TEXT, DATE, DATETIME, UIDREF: the value as text; NUM: the NumericValue as sent
 */
public record SrItem(String position, String relationship, String valueType, Concept name, BigDecimal number,
                     Concept unit, Concept code, String text, List<SrItem> children) {

    public static final String CONCEPT_MODIFIER = "HAS CONCEPT MOD";

    public SrItem {
        children = List.copyOf(children);
    }

    public boolean isNum() {
        return "NUM".equals(valueType);
    }

    public boolean isContainer() {
        return "CONTAINER".equals(valueType);
    }

    public boolean isModifier() {
        return CONCEPT_MODIFIER.equals(relationship);
    }

    /** The concept-modifier children, and theirs (PS3.16 TID 300: a finding site may carry its laterality). */
    public List<SrItem> modifiers() {
        return children.stream().filter(SrItem::isModifier)
                .flatMap(m -> java.util.stream.Stream.concat(java.util.stream.Stream.of(m), m.modifiers().stream()))
                .toList();
    }

    /** How an error message names this item: position, value type and concept name. */
    public String describe() {
        return "content item " + position + " " + valueType + " " + (name == null ? "(no concept name)" : name);
    }
}
