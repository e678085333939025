package org.dxaflow.order;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A referrer or GP: an identifier (GMC/GMP code or local) and a name. */
public record Clinician(String id, PersonName name) {
    public Clinician {
        id = id == null ? "" : id.trim();
        name = name == null ? PersonName.EMPTY : name;
    }

    /** A helper, not data: kept out of JSON (it showed as "identified": … on every Clinician). */
    @JsonIgnore
    public boolean isIdentified() {
        return !id.isEmpty() || !name.isEmpty();
    }
}
