package org.dxaflow.densitometry;

/**
 * A finding for the reporter. {@code furtherInvestigation} marks the seed guidance's indications for
 * further clinical assessment ("Further investigation": low BMD for age, unexplained loss on serial
 * measurement, vertebral fracture); other flags are data-quality or information notes.
 */
public record Flag(FlagCode code, Site site, Laterality laterality, String message, boolean furtherInvestigation) {
}
