package org.dxaflow.densitometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dxaflow.clinical.MenopausalStatusRule;

/** Everything the calculator needs from conf, loaded and validated by {@code ReferenceDataLoader}. */
public record DensitometryConfig(ReferenceData referenceData, DensitometrySettings settings, LeastSignificantChange lsc,
                                 MenopausalStatusRule menopausalStatus) {
    public DensitometryConfig {
        Objects.requireNonNull(referenceData);
        Objects.requireNonNull(settings);
        Objects.requireNonNull(lsc);
        Objects.requireNonNull(menopausalStatus);
    }

    /** Configuration that loads but that an operator should know is not yet the service's own. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (lsc.onlyDefaults()) {
            out.add(lsc.source() + ": no device has its own LSC from a precision study; every serial change uses"
                    + " the shipped default LSC, which is not this centre's precision (ISCD: measure it per device)");
        }
        return out;
    }
}
