package org.dxaflow.densitometry;

/** Who produced a score: this engine from cited reference data, or the scanner vendor (labelled as such). */
public enum ScoreSource {
    ENGINE, VENDOR
}
