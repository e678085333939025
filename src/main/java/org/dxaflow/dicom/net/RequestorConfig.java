package org.dxaflow.dicom.net;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the requesting (client) side.
 *
 * @param callingAeTitle our AE title as sent in A-ASSOCIATE-RQ
 * @param connectTimeout TCP connect
 * @param artimTimeout wait for A-ASSOCIATE-AC/RJ and for A-RELEASE-RP
 * @param dimseTimeout wait for each DIMSE response
 */
public record RequestorConfig(String callingAeTitle, int maxPduLength, long pduLengthCap,
                              Duration connectTimeout, Duration artimTimeout, Duration dimseTimeout,
                              long maxDataSetLength, String implementationClassUid,
                              String implementationVersionName) {
    public RequestorConfig {
        Objects.requireNonNull(callingAeTitle, "callingAeTitle");
        if (callingAeTitle.isBlank() || callingAeTitle.length() > 16) {
            throw new IllegalArgumentException("AE title must be 1..16 characters: '" + callingAeTitle + "'");
        }
        if (pduLengthCap < Math.max(maxPduLength, 4096)) {
            throw new IllegalArgumentException("pduLengthCap must be >= maxPduLength and >= 4096");
        }
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(artimTimeout);
        Objects.requireNonNull(dimseTimeout);
        Objects.requireNonNull(implementationClassUid);
    }

    public static RequestorConfig defaults(String callingAeTitle) {
        return new RequestorConfig(callingAeTitle, 16384, 1 << 20, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 512L << 20, Uids.DEFAULT_IMPLEMENTATION_CLASS_UID,
                Uids.DEFAULT_IMPLEMENTATION_VERSION_NAME);
    }

    public RequestorConfig withMaxPduLength(int max) {
        return new RequestorConfig(callingAeTitle, max, Math.max(pduLengthCap, max), connectTimeout, artimTimeout,
                dimseTimeout, maxDataSetLength, implementationClassUid, implementationVersionName);
    }

    /** The same configuration calling as another AE (e.g. the one a PACS knows us by). */
    public RequestorConfig withCallingAeTitle(String aeTitle) {
        return new RequestorConfig(aeTitle, maxPduLength, pduLengthCap, connectTimeout, artimTimeout, dimseTimeout,
                maxDataSetLength, implementationClassUid, implementationVersionName);
    }

    public RequestorConfig withTimeouts(Duration connect, Duration artim, Duration dimse) {
        return new RequestorConfig(callingAeTitle, maxPduLength, pduLengthCap, connect, artim, dimse,
                maxDataSetLength, implementationClassUid, implementationVersionName);
    }
}
