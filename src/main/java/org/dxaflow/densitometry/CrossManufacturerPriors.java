package org.dxaflow.densitometry;

/** How a prior scan from another manufacturer is treated in serial comparison (conf switch). */
public enum CrossManufacturerPriors {
    /** Convert the prior onto the current scanner's scale through the published sBMD equations. */
    SBMD,
    /** Never compare across manufacturers; the change is reported as not comparable. */
    NOT_COMPARABLE
}
