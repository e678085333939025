package org.dxaflow.densitometry.api;

import org.dxaflow.clinical.Sex;
import org.dxaflow.densitometry.DeviceIdentity;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Manufacturer;
import org.dxaflow.densitometry.Measurement;
import org.dxaflow.densitometry.PriorScan;
import org.dxaflow.densitometry.Referral;
import org.dxaflow.densitometry.ScanInput;
import org.dxaflow.densitometry.Site;
import org.dxaflow.densitometry.VfaFinding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks a {@link ComputeRequest} and turns it into the canonical {@link ScanInput}. All problems are
 * collected and thrown together as a {@link ValidationException} whose entries name JSON paths
 * ({@code birthDate}, {@code sites[0].bmd}, {@code prior.sites[1].site}).
 */
public final class ComputeRequestValidator {

    private static final String SITES = Arrays.stream(Site.values()).map(Site::externalName).toList().toString();

    public ScanInput validate(ComputeRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new ValidationException(List.of(new FieldError("", "request body is required")));
        }
        Sex sex = required(request.sex(), "sex", errors) ? Sex.parse(request.sex()).orElseGet(() -> {
            errors.add(new FieldError("sex", "must be F or M"));
            return null;
        }) : null;
        LocalDate birth = date(request.birthDate(), "birthDate", errors);
        LocalDate scan = date(request.scanDate(), "scanDate", errors);
        if (birth != null && scan != null && birth.isAfter(scan)) {
            errors.add(new FieldError("birthDate", "must not be after scanDate"));
        }
        Manufacturer manufacturer = manufacturer(request.manufacturer(), "manufacturer", errors);
        List<Measurement> measurements = sites(request.sites(), "sites", true, errors);
        List<VfaFinding> vfa = vfa(request.vfa(), errors);
        PriorScan prior = prior(request.prior(), scan, errors);
        Referral referral = referral(request.referral(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        // menopausal omitted = not stated: the configured menopausal-status rule decides (never a 400, never a guess)
        return new ScanInput(sex, birth, scan, manufacturer, request.menopausal(),
                request.menopausal() == null ? null : "request menopausal=" + request.menopausal(),
                request.fragilityFracture(), Boolean.TRUE.equals(request.vfaVertebralFracture()), vfa,
                device(request.manufacturer(), request.device()), measurements, prior, referral);
    }

    private static DeviceIdentity device(String manufacturer, ComputeRequest.Device d) {
        return d == null ? new DeviceIdentity(manufacturer, null, null, null)
                : new DeviceIdentity(manufacturer, d.model(), d.serialNumber(), d.stationName());
    }

    private static List<VfaFinding> vfa(List<ComputeRequest.VfaEntry> entries, List<FieldError> errors) {
        List<VfaFinding> out = new ArrayList<>();
        if (entries == null) {
            return out;
        }
        for (int i = 0; i < entries.size(); i++) {
            String p = "vfa[" + i + "]";
            ComputeRequest.VfaEntry e = entries.get(i);
            if (e == null) {
                errors.add(new FieldError(p, "must not be null"));
                continue;
            }
            Optional<String> level = VfaFinding.level(e.vertebra());
            if (level.isEmpty()) {
                errors.add(new FieldError(p + ".vertebra", "must be T4..T12 or L1..L4"));
            }
            if (e.genantGrade() != null && (e.genantGrade() < 0 || e.genantGrade() > 3)) {
                errors.add(new FieldError(p + ".genantGrade", "must be 0, 1, 2 or 3 (Genant semiquantitative grade)"));
            } else if (e.genantGrade() == null && e.fracture() == null) {
                errors.add(new FieldError(p, "needs genantGrade or fracture"));
            } else if (level.isPresent()) {
                if (out.stream().anyMatch(f -> f.vertebra().equals(level.get()))) {
                    errors.add(new FieldError(p + ".vertebra", "duplicate vertebra " + level.get()));
                } else {
                    out.add(new VfaFinding(level.get(), e.genantGrade(), e.fracture()));
                }
            }
        }
        return out;
    }

    private static PriorScan prior(ComputeRequest.Prior prior, LocalDate scan, List<FieldError> errors) {
        if (prior == null) {
            return null;
        }
        LocalDate date = date(prior.scanDate(), "prior.scanDate", errors);
        if (date != null && scan != null && !date.isBefore(scan)) {
            errors.add(new FieldError("prior.scanDate", "must be before scanDate"));
        }
        Manufacturer m = manufacturer(prior.manufacturer(), "prior.manufacturer", errors);
        List<Measurement> sites = sites(prior.sites(), "prior.sites", true, errors);
        return new PriorScan(date, m, device(prior.manufacturer(), prior.device()), sites);
    }

    private static List<Measurement> sites(List<ComputeRequest.SiteEntry> entries, String path, boolean nonEmpty,
                                           List<FieldError> errors) {
        List<Measurement> out = new ArrayList<>();
        if (entries == null || entries.isEmpty()) {
            if (nonEmpty) {
                errors.add(new FieldError(path, "at least one measured site is required"));
            }
            return out;
        }
        for (int i = 0; i < entries.size(); i++) {
            String p = path + "[" + i + "]";
            ComputeRequest.SiteEntry e = entries.get(i);
            if (e == null) {
                errors.add(new FieldError(p, "must not be null"));
                continue;
            }
            Site site = null;
            if (required(e.site(), p + ".site", errors)) {
                site = Site.parse(e.site()).orElse(null);
                if (site == null) {
                    errors.add(new FieldError(p + ".site", "unknown site '" + e.site() + "' (known: " + SITES + ")"));
                }
            }
            Laterality laterality = null;
            if (e.laterality() != null) {
                laterality = Laterality.parse(e.laterality()).orElse(null);
                if (laterality == null) {
                    errors.add(new FieldError(p + ".laterality", "must be LEFT or RIGHT"));
                } else if (site != null && site.isLumbar()) {
                    errors.add(new FieldError(p + ".laterality", "not applicable to the lumbar spine"));
                }
            }
            inRange(e.bmd(), MAX_BMD, "g/cm2", p + ".bmd", errors);
            inRange(e.bmc(), MAX_BMC, "g", p + ".bmc", errors);
            inRange(e.area(), MAX_AREA, "cm2", p + ".area", errors);
            score(e.tScore(), p + ".tScore", errors);
            score(e.zScore(), p + ".zScore", errors);
            if (site != null) {
                Measurement m = new Measurement(site, laterality, e.bmd(), e.bmc(), e.area(), e.tScore(), e.zScore());
                Optional<Measurement> dup = out.stream().filter(o -> o.sameRegion(m)).findFirst();
                if (dup.isPresent()) {
                    errors.add(new FieldError(p, "duplicate of " + path + "[" + out.indexOf(dup.get()) + "] ("
                            + site + (laterality == null ? "" : " " + laterality) + ")"));
                }
                out.add(m);
            }
        }
        return out;
    }

    private static Referral referral(ComputeRequest.ReferralEntry r, List<FieldError> errors) {
        if (r == null) {
            return null;
        }
        percent(r.fraxMajorOsteoporoticPercent(), "referral.fraxMajorOsteoporoticPercent", errors);
        percent(r.fraxHipPercent(), "referral.fraxHipPercent", errors);
        return new Referral(r.fraxMajorOsteoporoticPercent(), r.fraxHipPercent(), r.noggZone());
    }

    private static void percent(BigDecimal v, String path, List<FieldError> errors) {
        if (v != null && (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.add(new FieldError(path, "must be a percentage from 0 to 100"));
        }
    }

    /**
     * Physical plausibility, not clinical thresholds: a value outside these is a unit or typing error
     * (mg/cm2 sent as g/cm2, 1e400), never a measurement. Adult total body is about 1.1-1.3 g/cm2,
     * 2,000-3,500 g and 1,800-2,500 cm2; the bounds leave a wide margin above.
     */
    static final BigDecimal MAX_BMD = new BigDecimal("5");
    static final BigDecimal MAX_BMC = new BigDecimal("10000");
    static final BigDecimal MAX_AREA = new BigDecimal("10000");
    /** A T- or Z-score beyond ±10 SD is not a measurement. */
    static final BigDecimal MAX_SCORE = BigDecimal.TEN;

    private static void inRange(BigDecimal v, BigDecimal max, String unit, String path, List<FieldError> errors) {
        positive(v, path, errors);
        if (v != null && v.compareTo(max) > 0) {
            errors.add(new FieldError(path, "must be at most " + max.toPlainString() + " " + unit
                    + " (not a plausible measurement), was " + v.toString()));
        }
    }

    private static void score(BigDecimal v, String path, List<FieldError> errors) {
        if (v != null && v.abs().compareTo(MAX_SCORE) > 0) {
            errors.add(new FieldError(path, "must be between -10 and 10, was " + v.toString()));
        }
    }

    private static void positive(BigDecimal v, String path, List<FieldError> errors) {
        if (v != null && v.signum() <= 0) {
            errors.add(new FieldError(path, "must be greater than 0, was " + v.toPlainString()));
        }
    }

    private static Manufacturer manufacturer(String text, String path, List<FieldError> errors) {
        if (!required(text, path, errors)) {
            return null;
        }
        return Manufacturer.parse(text).orElseGet(() -> {
            errors.add(new FieldError(path, "unknown manufacturer '" + text + "' (HOLOGIC, GE_LUNAR, NORLAND, OTHER)"));
            return null;
        });
    }

    private static LocalDate date(String text, String path, List<FieldError> errors) {
        if (!required(text, path, errors)) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path, "must be a date YYYY-MM-DD, was '" + text + "'"));
            return null;
        }
    }

    private static boolean required(String text, String path, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(path, "is required"));
            return false;
        }
        return true;
    }
}
