package org.dxaflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.densitometry.PrecisionStudy;

/**
 * {@code POST /api/densitometry/lsc}: a device's precision study as CSV ({@code patient,region,bmd}
 * with a header line, one row per scan; region as in lsc.yaml, e.g. FEMORAL_NECK or L1-L4) in, the
 * RMS-SD and LSC per region out, ready for a {@code devices:} entry of conf/densitometry/lsc.yaml.
 * A row that cannot be read is a 400 naming its line.
 */
public final class PrecisionStudyApi {

    private final PrecisionStudy study;
    private final ObjectMapper json;

    public PrecisionStudyApi(PrecisionStudy study, ObjectMapper json) {
        this.study = study;
        this.json = json;
    }

    public ApiResponse lsc(String csv) {
        if (csv == null || csv.isBlank()) {
            return ApiResponse.error(400, "body is required: CSV with the header patient,region,bmd");
        }
        String[] lines = csv.split("\r?\n");
        if (!lines[0].trim().replace(" ", "").equalsIgnoreCase("patient,region,bmd")) {
            return ApiResponse.error(400, "line 1: the header must be patient,region,bmd");
        }
        List<PrecisionStudy.Scan> scans = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 3 || f[0].isBlank() || f[1].isBlank()) {
                errors.add("line " + (i + 1) + ": expected patient,region,bmd");
                continue;
            }
            try {
                BigDecimal bmd = new BigDecimal(f[2].trim());
                if (bmd.signum() <= 0 || bmd.compareTo(BigDecimal.valueOf(5)) > 0) {
                    errors.add("line " + (i + 1) + ": bmd must be between 0 and 5 g/cm2, was " + f[2].trim());
                    continue;
                }
                scans.add(new PrecisionStudy.Scan(f[0].trim(), f[1].trim().toUpperCase(java.util.Locale.ROOT), bmd));
            } catch (NumberFormatException e) {
                errors.add("line " + (i + 1) + ": bmd '" + f[2].trim() + "' is not a number");
            }
        }
        if (!errors.isEmpty()) {
            return ApiResponse.error(400, String.join("; ", errors));
        }
        if (scans.isEmpty()) {
            return ApiResponse.error(400, "no scans in the body");
        }
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("method", "ISCD: RMS-SD of each patient's repeated scans; LSC = 2.77 x RMS-SD (95 %)");
            body.put("regions", study.compute(scans));
            return new ApiResponse(200, json.writeValueAsString(body));
        } catch (IllegalArgumentException e) {
            return ApiResponse.error(400, e.getMessage());
        } catch (JsonProcessingException e) {
            return ApiResponse.error(500, e.getMessage());
        }
    }
}
