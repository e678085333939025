package org.dxaflow.dxasr;

import org.dxaflow.dicom.sr.Code;

/**
 * What a NUM item of the DXA result SR measures, with its UCUM unit (PS3.16 uses UCUM for all
 * measurement units; scores are dimensionless and carry an annotation, as LOINC's example units
 * do). Declaration order is the order of the NUM items in a site container.
 */
public enum MeasurementKind {
    BMD(new Code("g/cm2", "UCUM", "g/cm2")),
    T_SCORE(new Code("{T-score}", "UCUM", "T-score")),
    Z_SCORE(new Code("{Z-score}", "UCUM", "Z-score")),
    BMC(new Code("g", "UCUM", "g")),
    AREA(new Code("cm2", "UCUM", "cm2"));

    private final Code unit;

    MeasurementKind(Code unit) {
        this.unit = unit;
    }

    public Code unit() {
        return unit;
    }
}
