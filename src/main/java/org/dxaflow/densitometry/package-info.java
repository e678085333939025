/**
 * Densitometry computation: T- and Z-scores from cited reference data, WHO category, ISCD vertebral
 * exclusion, serial change against the least significant change, and flags for further
 * investigation. Plain Java, no framework.
 *
 * <h2>Use</h2>
 * <pre>
 * DensitometryConfig conf = new ReferenceDataLoader().load(Path.of("conf"));   // validates, file:line errors
 * DensitometryCalculator calculator = new DensitometryCalculator(conf);         // stateless, thread-safe
 *
 * ScanInput input = new ComputeRequestValidator().validate(request);            // or build ScanInput directly
 * DensitometryResult result = calculator.compute(input);
 * String json = DensitometryJson.mapper().writeValueAsString(result);
 * </pre>
 *
 * <h2>Rules that matter clinically</h2>
 * <ul>
 *   <li>Every reference value comes from conf with a citation. A site, sex or age band without one is
 *       "not computable"; the vendor's own score is then reported, labelled {@link
 *       org.dxaflow.densitometry.ScoreSource#VENDOR}, never passed off as the engine's.</li>
 *   <li>BMD from a scanner whose calibration differs from the reference's (NHANES III: Hologic) is
 *       converted with the published sBMD equations, shown in {@code SiteResult.conversion}.</li>
 *   <li>Arithmetic is exact decimal; scores are presented to one decimal (half away from zero) and
 *       the WHO category / Z-score wording is decided on the presented value.</li>
 * </ul>
 */
package org.dxaflow.densitometry;
