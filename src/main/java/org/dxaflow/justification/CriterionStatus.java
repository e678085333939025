package org.dxaflow.justification;

/** Result of one check. UNKNOWN = the answers needed were not given, so nothing can be concluded. */
public enum CriterionStatus { MET, NOT_MET, UNKNOWN }
