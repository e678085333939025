package org.dxaflow.report;

/** The quantities a report gives per region, each with its code and UCUM unit in {@code conf/report/codes.yaml}. */
public enum ReportQuantity {
    BMD, T_SCORE, Z_SCORE
}
