package org.dxaflow.dicom.net;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of a listening application entity.
 *
 * @param aeTitle our AE title; the called AE title of an A-ASSOCIATE-RQ must match it exactly
 * @param allowedCallingAeTitles empty = any calling AE accepted
 * @param maxPduLength maximum P-DATA-TF variable field we advertise (0 = unlimited, discouraged)
 * @param pduLengthCap hard cap on any PDU body we buffer, whatever the peer claims
 * @param maxAssociations concurrent associations (including those still negotiating)
 * @param maxAssociationsPerAddress concurrent associations from one remote IP address, so that one
 *     misbehaving host cannot hold every slot and lock out the scanner
 * @param artimTimeout ARTIM: A-ASSOCIATE-RQ must arrive this soon after connect; also bounds waiting
 *     for the peer to close after RJ/RP/ABORT
 * @param idleTimeout no PDU for this long while no operation is in progress: A-ABORT
 * @param operationDrainTimeout on A-RELEASE-RQ, how long in-flight operations may still take
 * @param maxDataSetLength cap on one reassembled DIMSE data set (memory guard): a longer one is
 *     discarded as it arrives and its request answered with a failure status
 */
public record AcceptorConfig(String aeTitle, Set<String> allowedCallingAeTitles, int maxPduLength,
                             long pduLengthCap, int maxAssociations, int maxAssociationsPerAddress,
                             Duration artimTimeout,
                             Duration idleTimeout, Duration operationDrainTimeout, long maxDataSetLength,
                             String implementationClassUid, String implementationVersionName) {
    public AcceptorConfig {
        Objects.requireNonNull(aeTitle, "aeTitle");
        if (aeTitle.isBlank() || aeTitle.length() > 16) {
            throw new IllegalArgumentException("AE title must be 1..16 characters: '" + aeTitle + "'");
        }
        allowedCallingAeTitles = Set.copyOf(allowedCallingAeTitles);
        if (maxPduLength < 0 || maxAssociations < 1 || maxAssociationsPerAddress < 1) {
            throw new IllegalArgumentException(
                    "maxPduLength >= 0, maxAssociations >= 1 and maxAssociationsPerAddress >= 1 required");
        }
        if (pduLengthCap < Math.max(maxPduLength, 4096)) {
            throw new IllegalArgumentException("pduLengthCap must be >= maxPduLength and >= 4096");
        }
        Objects.requireNonNull(artimTimeout);
        Objects.requireNonNull(idleTimeout);
        Objects.requireNonNull(operationDrainTimeout);
        Objects.requireNonNull(implementationClassUid);
        if (maxDataSetLength < 1 || maxDataSetLength > Integer.MAX_VALUE - 8) {
            // a data set is kept in one byte array
            throw new IllegalArgumentException("maxDataSetLength must be 1.." + (Integer.MAX_VALUE - 8)
                    + ": " + maxDataSetLength);
        }
    }

    /** Sensible production defaults for the given AE title. */
    public static AcceptorConfig defaults(String aeTitle) {
        return new AcceptorConfig(aeTitle, Set.of(), 16384, 1 << 20, 20, 10, Duration.ofSeconds(30),
                Duration.ofMinutes(5), Duration.ofSeconds(60), 512L << 20,
                Uids.DEFAULT_IMPLEMENTATION_CLASS_UID, Uids.DEFAULT_IMPLEMENTATION_VERSION_NAME);
    }

    public AcceptorConfig withAllowedCallingAeTitles(Set<String> allowed) {
        return new AcceptorConfig(aeTitle, allowed, maxPduLength, pduLengthCap, maxAssociations,
                maxAssociationsPerAddress, artimTimeout,
                idleTimeout, operationDrainTimeout, maxDataSetLength, implementationClassUid,
                implementationVersionName);
    }

    public AcceptorConfig withMaxPduLength(int max) {
        return new AcceptorConfig(aeTitle, allowedCallingAeTitles, max, Math.max(pduLengthCap, max),
                maxAssociations, maxAssociationsPerAddress, artimTimeout, idleTimeout, operationDrainTimeout,
                maxDataSetLength, implementationClassUid, implementationVersionName);
    }

    public AcceptorConfig withMaxAssociations(int max) {
        return new AcceptorConfig(aeTitle, allowedCallingAeTitles, maxPduLength, pduLengthCap, max,
                Math.min(maxAssociationsPerAddress, max), artimTimeout,
                idleTimeout, operationDrainTimeout, maxDataSetLength, implementationClassUid,
                implementationVersionName);
    }

    public AcceptorConfig withTimeouts(Duration artim, Duration idle) {
        return new AcceptorConfig(aeTitle, allowedCallingAeTitles, maxPduLength, pduLengthCap, maxAssociations,
                maxAssociationsPerAddress, artim, idle, operationDrainTimeout, maxDataSetLength, implementationClassUid,
                implementationVersionName);
    }

    public AcceptorConfig withMaxDataSetLength(long max) {
        return new AcceptorConfig(aeTitle, allowedCallingAeTitles, maxPduLength, pduLengthCap, maxAssociations,
                maxAssociationsPerAddress, artimTimeout, idleTimeout, operationDrainTimeout, max, implementationClassUid,
                implementationVersionName);
    }

    public AcceptorConfig withImplementation(String classUid, String versionName) {
        return new AcceptorConfig(aeTitle, allowedCallingAeTitles, maxPduLength, pduLengthCap, maxAssociations,
                maxAssociationsPerAddress, artimTimeout, idleTimeout, operationDrainTimeout, maxDataSetLength,
                classUid, versionName);
    }

    public AcceptorConfig withMaxAssociationsPerAddress(int max) {
        return new AcceptorConfig(aeTitle, allowedCallingAeTitles, maxPduLength, pduLengthCap, maxAssociations, max,
                artimTimeout, idleTimeout, operationDrainTimeout, maxDataSetLength, implementationClassUid,
                implementationVersionName);
    }
}
