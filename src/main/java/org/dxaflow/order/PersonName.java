package org.dxaflow.order;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A person's name in its parts, as HL7 XPN/XCN and DICOM PN both carry it. */
public record PersonName(String family, String given, String middle, String prefix) {

    public static final PersonName EMPTY = new PersonName("", "", "", "");

    public PersonName {
        family = nz(family);
        given = nz(given);
        middle = nz(middle);
        prefix = nz(prefix);
    }

    /** A helper, not data: kept out of JSON (it showed as "empty": … on every PersonName). */
    @JsonIgnore
    public boolean isEmpty() {
        return family.isEmpty() && given.isEmpty();
    }

    /** "FAMILY, Given Middle" for screens. */
    public String display() {
        String rest = (given + " " + middle).trim();
        return rest.isEmpty() ? family : family + ", " + rest;
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
