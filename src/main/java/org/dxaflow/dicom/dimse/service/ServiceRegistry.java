package org.dxaflow.dicom.dimse.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dxaflow.dicom.net.Uids;

/**
 * Immutable map abstract syntax UID -> provider and the transfer syntaxes accepted for it. This is
 * how the integrator plugs Worklist (C-FIND) or MPPS (N-CREATE/N-SET) in without touching transport:
 *
 * <pre>
 * ServiceRegistry registry = ServiceRegistry.builder()
 *     .register(Uids.VERIFICATION, new VerificationScp())
 *     .register(MWL_FIND_UID, new FindScp(worklistHandler))
 *     .build();
 * </pre>
 */
public final class ServiceRegistry {
    /**
     * The two little endian baseline syntaxes: handlers receive the data set in the syntax it came in
     * (nothing is transcoded), and every handler here reads both.
     */
    public static final List<String> DEFAULT_TRANSFER_SYNTAXES =
            List.of(Uids.EXPLICIT_VR_LITTLE_ENDIAN, Uids.IMPLICIT_VR_LITTLE_ENDIAN);

    private record Entry(ServiceClassProvider provider, List<String> transferSyntaxes) {
        Entry {
            transferSyntaxes = List.copyOf(transferSyntaxes);
        }
    }

    private final Map<String, Entry> entries;

    private ServiceRegistry(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<ServiceClassProvider> provider(String abstractSyntaxUid) {
        return Optional.ofNullable(entries.get(abstractSyntaxUid)).map(Entry::provider);
    }

    public List<String> transferSyntaxesFor(String abstractSyntaxUid) {
        Entry e = entries.get(abstractSyntaxUid);
        return e == null ? List.of() : e.transferSyntaxes();
    }

    public static final class Builder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        public Builder register(String abstractSyntaxUid, ServiceClassProvider provider) {
            return register(abstractSyntaxUid, provider, DEFAULT_TRANSFER_SYNTAXES);
        }

        public Builder register(String abstractSyntaxUid, ServiceClassProvider provider,
                                List<String> transferSyntaxes) {
            if (!Uids.isValidUid(abstractSyntaxUid)) {
                throw new IllegalArgumentException("not a UID: " + abstractSyntaxUid);
            }
            if (transferSyntaxes.isEmpty()) {
                throw new IllegalArgumentException("no transfer syntax for " + abstractSyntaxUid);
            }
            entries.put(abstractSyntaxUid, new Entry(provider, List.copyOf(transferSyntaxes)));
            return this;
        }

        /** Registers one provider for many SOP classes (e.g. all accepted storage classes). */
        public Builder registerAll(List<String> abstractSyntaxUids, ServiceClassProvider provider) {
            abstractSyntaxUids.forEach(uid -> register(uid, provider));
            return this;
        }

        public ServiceRegistry build() {
            return new ServiceRegistry(entries);
        }
    }
}
