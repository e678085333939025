package org.dxaflow.report;

import java.time.Instant;

/** Who verified a report version, and when (the SR Verification DateTime, the FHIR issued time). */
public record Verification(Reporter reporter, Instant at) {
}
