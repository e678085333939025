/**
 * The service KPIs of issue #12, the seed's "Monitoring and reporting service data": referrals (number,
 * indication, source, returned), waiting times, DNA and cancellation rates, time to issue of report,
 * WHO categories by sex and age band, onward referral and rescan intervals. {@link
 * org.dxaflow.kpi.KpiQueries} defines every figure; {@code GET /api/kpi} (web/KpiApi,
 * routes/kpi.camel.yaml) serves them as JSON or CSV. Only counts leave this package, never a patient.
 */
package org.dxaflow.kpi;
