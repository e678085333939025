package org.dxaflow.dicom.dimse.service;

import java.util.Objects;

/** A peer application entity: where to connect and which AE title to call. */
public record RemoteAe(String host, int port, String aeTitle) {
    public RemoteAe {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(aeTitle, "aeTitle");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (aeTitle.isBlank() || aeTitle.length() > 16) {
            throw new IllegalArgumentException("AE title must be 1..16 characters: '" + aeTitle + "'");
        }
    }

    @Override
    public String toString() {
        return aeTitle + "@" + host + ":" + port;
    }
}
