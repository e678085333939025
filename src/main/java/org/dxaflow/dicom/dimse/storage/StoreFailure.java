package org.dxaflow.dicom.dimse.storage;

import org.dxaflow.dicom.dimse.Status;

/**
 * Why a C-STORE did not succeed, typed so delivery routes can decide whether to retry.
 *
 * @param status the C-STORE-RSP status for {@link Kind#STATUS_FAILURE}, -1 otherwise
 */
public record StoreFailure(Kind kind, int status, String message) {
    public enum Kind {
        /** TCP connection refused or unreachable. */
        CONNECTION_REFUSED,
        /** A-ASSOCIATE-RJ; see message for result/source/reason. */
        ASSOCIATION_REJECTED,
        /** A-ABORT, protocol error or connection loss after establishment (or object not sent). */
        ABORTED,
        /** Connect, ARTIM or DIMSE response timeout. */
        TIMEOUT,
        /** The peer answered with a failure status. */
        STATUS_FAILURE,
        /** The peer accepted no presentation context for this SOP class in this transfer syntax. */
        NO_PRESENTATION_CONTEXT,
        /** The file is not a valid Part 10 file: retrying will not help. */
        INVALID_FILE,
        /** Local I/O trouble reading the file. */
        IO_ERROR
    }

    /**
     * Whether trying again later may succeed. A transient association rejection is retryable, a
     * permanent one (bad AE title) is not; out-of-resources statuses (0xA7xx) are retryable.
     */
    public boolean retryable() {
        return switch (kind) {
            case CONNECTION_REFUSED, ABORTED, TIMEOUT, IO_ERROR -> true;
            case ASSOCIATION_REJECTED -> message.contains("transient");
            case STATUS_FAILURE -> (status & 0xFF00) == Status.OUT_OF_RESOURCES
                    || status == Status.RESOURCE_LIMITATION;
            case NO_PRESENTATION_CONTEXT, INVALID_FILE -> false;
        };
    }

    @Override
    public String toString() {
        return kind + (status >= 0 ? " " + Status.hex(status) : "") + ": " + message;
    }
}
