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

    /**
     * @param requestorAsScu the peer that opens the association may be the SOP class's SCU (we serve it)
     * @param requestorAsScp the peer that opens the association may be the SOP class's SCP, sending us
     *     its notifications (we are the SCU; see {@link Builder#registerAsScu})
     */
    private record Entry(ServiceClassProvider provider, List<String> transferSyntaxes, boolean requestorAsScu,
                         boolean requestorAsScp) {
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

    /** SCP/SCU role negotiation: may the association requestor be the SCU of this SOP class? */
    public boolean acceptsRequestorAsScu(String abstractSyntaxUid) {
        Entry e = entries.get(abstractSyntaxUid);
        return e != null && e.requestorAsScu();
    }

    /** SCP/SCU role negotiation: may the association requestor be the SCP of this SOP class? */
    public boolean acceptsRequestorAsScp(String abstractSyntaxUid) {
        Entry e = entries.get(abstractSyntaxUid);
        return e != null && e.requestorAsScp();
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
            return put(abstractSyntaxUid, new Entry(provider, transferSyntaxes, true, false));
        }

        /**
         * Registers a provider for the requests the SCP of a SOP class sends to its SCU, on
         * associations the SCP opens to us: e.g. the Storage Commitment N-EVENT-REPORT (PS3.4 J.3.3).
         * Such a peer proposes SCP/SCU role selection with SCU-role 0 and SCP-role 1 (PS3.7 D.3.3.4),
         * which the acceptor then accepts; a proposal to be the SCU of this class is refused, since we
         * do not perform it. An association with no role item (default roles) is still accepted:
         * some SCPs send their reports that way, and refusing it would only lose the report.
         */
        public Builder registerAsScu(String abstractSyntaxUid, ServiceClassProvider provider) {
            return put(abstractSyntaxUid, new Entry(provider, DEFAULT_TRANSFER_SYNTAXES, false, true));
        }

        private Builder put(String abstractSyntaxUid, Entry entry) {
            if (!Uids.isValidUid(abstractSyntaxUid)) {
                throw new IllegalArgumentException("not a UID: " + abstractSyntaxUid);
            }
            if (entry.transferSyntaxes().isEmpty()) {
                throw new IllegalArgumentException("no transfer syntax for " + abstractSyntaxUid);
            }
            entries.put(abstractSyntaxUid, entry);
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
