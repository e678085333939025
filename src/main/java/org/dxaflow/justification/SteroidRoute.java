package org.dxaflow.justification;

/** STEROID_ROUTE answer. Which routes count as systemic is configured in rules.yaml. */
public enum SteroidRoute { ORAL, IV, INHALED }
