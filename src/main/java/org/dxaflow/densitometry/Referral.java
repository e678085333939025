package org.dxaflow.densitometry;

import java.math.BigDecimal;

/**
 * FRAX / NOGG information carried from the referral form (seed, Appendix 2 referral pro forma:
 * "Fracture probability by FRAX ... NOGG amber zone / NOGG red zone"). The engine does not compute
 * FRAX: the algorithm is not public, so the result only carries these values and says where a
 * BMD-adjusted FRAX can be computed.
 */
public record Referral(BigDecimal fraxMajorOsteoporoticPercent, BigDecimal fraxHipPercent, String noggZone) {
    public boolean isEmpty() {
        return fraxMajorOsteoporoticPercent == null && fraxHipPercent == null
                && (noggZone == null || noggZone.isBlank());
    }
}
