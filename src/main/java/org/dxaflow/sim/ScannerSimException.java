package org.dxaflow.sim;

/** A step of the simulated scan failed; the message says which and why, for the operator. */
public final class ScannerSimException extends Exception {
    /** Exit status for "the worklist did not give exactly one item". */
    public static final int WORKLIST_MISMATCH = 3;
    /** Exit status for every other failed step. */
    public static final int STEP_FAILED = 1;

    private final int exitStatus;

    public ScannerSimException(String message, int exitStatus, Throwable cause) {
        super(message, cause);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }
}
