package org.dxaflow.report;

/** Why a final report was corrected, and the corrected wording the reporter gave. */
public record Amendment(String reason, String text) {
}
