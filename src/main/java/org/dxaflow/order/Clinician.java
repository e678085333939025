package org.dxaflow.order;

/** A referrer or GP: an identifier (GMC/GMP code or local) and a name. */
public record Clinician(String id, PersonName name) {
    public Clinician {
        id = id == null ? "" : id.trim();
        name = name == null ? PersonName.EMPTY : name;
    }

    public boolean isIdentified() {
        return !id.isEmpty() || !name.isEmpty();
    }
}
