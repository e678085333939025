package org.dxaflow.densitometry.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /api/densitometry/compute}, exactly as received. Everything is kept as text or
 * decimal so that {@link ComputeRequestValidator} can name the offending field ("sites[0].site")
 * instead of failing inside Jackson.
 *
 * <pre>
 * {"sex":"F","birthDate":"1955-03-12","scanDate":"2026-11-28","manufacturer":"HOLOGIC",
 *  "device":{"model":"Horizon A","serialNumber":"301234","stationName":"DXA2"},
 *  "menopausal":true,"fragilityFracture":false,"vfaVertebralFracture":false,
 *  "vfa":[{"vertebra":"T12","genantGrade":2},{"vertebra":"L1","fracture":false}],
 *  "sites":[{"site":"FEMORAL_NECK","laterality":"LEFT","bmd":0.558,"bmc":null,"area":null,"tScore":null}],
 *  "prior":{"scanDate":"2024-11-20","manufacturer":"HOLOGIC","device":{...},"sites":[...]},
 *  "referral":{"fraxMajorOsteoporoticPercent":12,"fraxHipPercent":3.1,"noggZone":"amber"}}
 * </pre>
 */
public record ComputeRequest(
        String sex,
        String birthDate,
        String scanDate,
        String manufacturer,
        Device device,
        Boolean menopausal,
        Boolean fragilityFracture,
        Boolean vfaVertebralFracture,
        List<VfaEntry> vfa,
        List<SiteEntry> sites,
        Prior prior,
        ReferralEntry referral) {

    public ComputeRequest {
        vfa = copy(vfa);
        sites = copy(sites);
    }

    /**
     * An unmodifiable copy that keeps what the client sent: a missing list stays null and null
     * entries stay, so the validator can name them (List.copyOf would throw instead).
     */
    static <T> List<T> copy(List<T> list) {
        return list == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }

    /** One measured region; {@code tScore}/{@code zScore} are the scanner's (vendor's) values. */
    public record SiteEntry(String site, String laterality, BigDecimal bmd, BigDecimal bmc, BigDecimal area,
                            BigDecimal tScore, BigDecimal zScore) {
    }

    public record Prior(String scanDate, String manufacturer, Device device, List<SiteEntry> sites) {
        public Prior {
            sites = copy(sites);
        }
    }

    /** The scanner (DICOM General Equipment Module); serial number or station name identifies it. */
    public record Device(String model, String serialNumber, String stationName) {
    }

    /** One vertebra read on VFA: Genant grade 0-3 and/or fracture yes/no. */
    public record VfaEntry(String vertebra, Integer genantGrade, Boolean fracture) {
    }

    public record ReferralEntry(BigDecimal fraxMajorOsteoporoticPercent, BigDecimal fraxHipPercent, String noggZone) {
    }
}
