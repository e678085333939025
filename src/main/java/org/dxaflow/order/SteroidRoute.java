package org.dxaflow.order;

/** STEROID_ROUTE answer. Which routes count as systemic is configured in rules.yaml. */
public enum SteroidRoute { ORAL, IV, INHALED }
