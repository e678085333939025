package org.dxaflow.dicom.dimse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * A DIMSE data set as opaque bytes, already encoded in {@code transferSyntaxUid}. The network layer
 * never looks inside; the data layer (org.dxaflow.dicom.data) parses or produces these bytes.
 *
 * <p>The array is shared, not copied: a data set can be tens of megabytes and passes through
 * several hands on every C-STORE. Nothing that holds one writes to it.
 */
public record DataSet(byte[] bytes, String transferSyntaxUid) {
    public DataSet {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
    }

    public InputStream openStream() {
        return new ByteArrayInputStream(bytes);
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "DataSet[" + bytes.length + " bytes, " + transferSyntaxUid + "]";
    }
}
