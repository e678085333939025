package org.dxaflow.order;

/** HL7 v2 data type of the OBX-5 value that carries a canonical field (OBX-2). */
public enum FieldType {
    /** Coded entry: the identifier (component 1) is the value. */
    CE,
    /** String / free text. */
    ST,
    /** Numeric. */
    NM,
    /** Date, HL7 DT: YYYY[MM[DD]]. */
    DT
}
