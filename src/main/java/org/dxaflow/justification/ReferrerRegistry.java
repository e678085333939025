package org.dxaflow.justification;

import java.util.List;
import java.util.Locale;

/**
 * The referrers entitled to refer (referrers.yaml). An empty list means the service accepts any
 * identified referrer (entitlement is then checked elsewhere, e.g. by the ordering system's log-on).
 * Matching is on the identifier only: names are not unique and are typed differently everywhere.
 */
public record ReferrerRegistry(List<ListedReferrer> referrers) {

    public ReferrerRegistry {
        referrers = List.copyOf(referrers);
    }

    public boolean acceptsAnyReferrer() {
        return referrers.isEmpty();
    }

    public boolean isListed(Referrer referrer) {
        String id = referrer.id().toUpperCase(Locale.ROOT);
        return !id.isEmpty() && referrers.stream().anyMatch(r -> r.id().toUpperCase(Locale.ROOT).equals(id));
    }
}
