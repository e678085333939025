package org.dxaflow.order;

import java.util.Optional;

/** ORC-1 order control codes dxaflow acts on (HL7 table 0119). */
public enum OrderControl {
    /** New order. */
    NW,
    /** Cancel order request. */
    CA,
    /** Discontinue order request. */
    DC,
    /** Change order request. */
    XO,
    /** Status changed. */
    SC;

    public static Optional<OrderControl> of(String code) {
        for (OrderControl c : values()) {
            if (c.name().equalsIgnoreCase(code == null ? "" : code.trim())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public boolean cancels() {
        return this == CA || this == DC;
    }
}
