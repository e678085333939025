package org.dxaflow.densitometry;

/**
 * Where an excluded vertebra stands. The engine only PROPOSES (ISCD: exclusion is for anatomically
 * abnormal vertebrae, which only a person looking at the image can confirm); the reporter confirms
 * it when the report is verified.
 */
public enum ExclusionStatus {
    PROPOSED,
    CONFIRMED
}
