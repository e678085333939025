package org.dxaflow.report.dicom;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dxaflow.densitometry.ChangeResult;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.densitometry.Flag;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.densitometry.SiteResult;
import org.dxaflow.densitometry.SpineResult;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DateTimes;
import org.dxaflow.dicom.data.PersonName;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.VR;
import org.dxaflow.dicom.sr.Code;
import org.dxaflow.dicom.sr.ContentItems;
import org.dxaflow.report.MeasurementCode;
import org.dxaflow.report.ReportCodes;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.ReportQuantity;
import org.dxaflow.report.ReportSection;
import org.dxaflow.report.Verification;

/**
 * One report version as a DICOM Comprehensive SR (PS3.3 A.35.3) in the scan's study: the
 * measurements as coded NUMs, the change since the prior, the WHO category and the report's words.
 *
 * <p>Content tree (flat, PS3.16 TID 300 style, the layout {@code mappings/results/loinc-sr.yaml}
 * reads, so dxaflow's own report reads back through the shipped mapping):
 * <pre>
 * CONTAINER title (codes.yaml title)
 *   CONTAINS NUM measurement code (BMD g/cm2 | T-score | Z-score), one per site, side, quantity
 *     HAS CONCEPT MOD CODE Finding Site = site        when the code does not say the region
 *     HAS CONCEPT MOD CODE Laterality = Left | Right  for a sided site
 *   CONTAINS TEXT Finding: the spine, when its vertebrae are no modelled range (no code names them)
 *   CONTAINS CONTAINER Findings (change since the prior scan)
 *     CONTAINS NUM change in BMD g/cm2, NUM percent change %, TEXT significance; each with
 *       HAS CONCEPT MOD Finding Site (CODE, or TEXT when the region has no code) and Laterality
 *   CONTAINS CODE WHO densitometric category = category | Not classified
 *   CONTAINS TEXT Finding: the Z-score statement, or why no category was given
 *   CONTAINS TEXT Procedure Description | Finding | Recommendation, one per report section
 *   CONTAINS TEXT Impression: the conclusion
 *   CONTAINS TEXT Finding: the scanner's study differs from the ordered one
 * </pre>
 * Modifiers sit on the NUM itself rather than nested under the finding site: the mapping reads
 * both, and a reader that only looks one level down still sees the side.
 */
public final class ReportSrWriter {

    // Document-structure concepts, DICOM Controlled Terminology (PS3.16 Annex D, CID 7001/7002
    // "Diagnostic Imaging Report Heading/Element"):
    /** PS3.16 Annex D, DCM 121065: a description of the imaging procedure (technical validity). */
    static final Code PROCEDURE_DESCRIPTION = new Code("121065", "DCM", "Procedure Description");
    /** PS3.16 Annex D, DCM 121070: the Findings heading (CID 7001), here the change since the prior. */
    static final Code FINDINGS = new Code("121070", "DCM", "Findings");
    /** PS3.16 Annex D, DCM 121071: an observation found on an imaging study. */
    static final Code FINDING = new Code("121071", "DCM", "Finding");
    /** PS3.16 Annex D, DCM 121073: an interpretation in the clinical context of the findings. */
    static final Code IMPRESSION = new Code("121073", "DCM", "Impression");
    /** PS3.16 Annex D, DCM 121075: a recommendation for management or investigation. */
    static final Code RECOMMENDATION = new Code("121075", "DCM", "Recommendation");

    /** The report's SR series number: apart from the scanner's series (usually 1..n) in a viewer. */
    static final int SERIES_NUMBER = 901;

    // Not in the shared Tag dictionary; numbers as in PS3.6 (and DCMTK's dicom.dic).
    static final int PREDECESSOR_DOCUMENTS_SEQUENCE = Tag.PredecessorDocumentsSequence.value();
    static final int VERIFYING_OBSERVER_IDENTIFICATION_CODE_SEQUENCE = 0x0040A088;
    static final int CODING_SCHEME_IDENTIFICATION_SEQUENCE = 0x00080110;
    static final int CODING_SCHEME_NAME = 0x00080115;

    /** PN component groups are at most 64 characters (PS3.5 Table 6.2-1). */
    private static final int MAX_PN = 64;
    /** DS values are at most 16 characters (PS3.5 Table 6.2-1). */
    private static final int MAX_DS = 16;

    private final ReportCodes codes;
    private final ReportHeader header;

    /** With {@link ReportDicomSettings#defaults()}: no default issuer, no organization, the machine's zone. */
    public ReportSrWriter(ReportCodes codes) {
        this(codes, ReportDicomSettings.defaults());
    }

    public ReportSrWriter(ReportCodes codes, ReportDicomSettings settings) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.header = new ReportHeader(Objects.requireNonNull(settings, "settings"));
    }

    /**
     * @throws IllegalArgumentException a measured value that no DS (16 characters) can hold exactly
     */
    public Attributes write(ReportDocument doc) {
        Attributes sr = header.write(doc, SopClass.COMPREHENSIVE_SR_STORAGE, doc.uids().srSeriesUid(),
                doc.uids().srInstanceUid(), "SR", SERIES_NUMBER, "DXA report");
        sr.newSequence(Tag.ReferencedPerformedProcedureStepSequence); // type 2: dxaflow performed no step

        // SR Document General (C.17.2)
        sr.setString(Tag.CompletionFlag, "COMPLETE");
        sr.setString(Tag.VerificationFlag, doc.status().srVerificationFlag());
        if (doc.status().isVerified() && doc.verification() != null) {
            verifyingObserver(doc.verification(), sr.newSequence(Tag.VerifyingObserverSequence).addItem());
        }
        if (doc.uids().predecessorSr() != null) {
            ReportHeader.reference(sr.newSequence(PREDECESSOR_DOCUMENTS_SEQUENCE).addItem(),
                    doc.uids().predecessorSr());
        }
        header.referencedRequest(doc, sr.newSequence(Tag.ReferencedRequestSequence).addItem());
        ReportHeader.copyCodes(header.requestedProcedureCodes(doc), sr.newSequence(Tag.PerformedProcedureCodeSequence));
        if (doc.scan() != null && doc.scan().scannerResult() != null) {
            ReportHeader.reference(sr.newSequence(Tag.CurrentRequestedProcedureEvidenceSequence).addItem(),
                    doc.scan().scannerResult());
        }

        Set<String> schemes = new LinkedHashSet<>();
        Tree tree = new Tree(schemes);
        tree.content(sr, doc);
        codingSchemes(sr, schemes);
        ReportHeader.characterSet(sr);
        return sr;
    }

    /** Verifying Observer Sequence item (C.17.2): who verified, for which organization, when. */
    private void verifyingObserver(Verification v, Attributes item) {
        // Reporter.name is a display name ("Dr Ada Lovelace"), not parts: it goes whole into the
        // family-name component rather than being split by guesswork.
        String name = v.reporter().name().replace("^", " ").replace("=", " ");
        item.setPersonName(Tag.VerifyingObserverName,
                new PersonName(ReportHeader.truncate(name.isEmpty() ? v.reporter().id() : name, MAX_PN),
                        "", "", "", ""));
        item.newSequence(VERIFYING_OBSERVER_IDENTIFICATION_CODE_SEQUENCE); // type 2: no coded identity
        item.setString(Tag.VerifyingOrganization, ReportHeader.truncate(header.organization(), 64));
        item.setString(Tag.VerificationDateTime, DateTimes.formatDT(header.local(v.at()).withNano(0)));
    }

    /** Declares the private schemes used (C.12.1.1.2 Coding Scheme Identification Sequence). */
    private void codingSchemes(Attributes sr, Set<String> schemes) {
        List<String> privateSchemes = schemes.stream().filter(s -> s.startsWith("99")).toList();
        if (privateSchemes.isEmpty()) {
            return;
        }
        Sequence seq = sr.newSequence(CODING_SCHEME_IDENTIFICATION_SEQUENCE);
        for (String s : privateSchemes) {
            Attributes item = seq.addItem();
            item.setString(Tag.CodingSchemeDesignator, s);
            item.setString(CODING_SCHEME_NAME, VR.ST, codes.schemeName(s));
        }
    }

    /** Writes one document's content tree, noting the coding schemes it uses. */
    private final class Tree {
        private final Set<String> schemes;

        Tree(Set<String> schemes) {
            this.schemes = schemes;
        }

        void content(Attributes root, ReportDocument doc) {
            Sequence items = ContentItems.container(root, null, use(codes.title()));
            DensitometryResult result = doc.result();
            if (result != null) {
                Set<Site> written = new LinkedHashSet<>();
                for (SiteResult s : result.sites()) {
                    measurement(items, s.site(), s.laterality(), s.bmd(), s.tScore(), s.zScore());
                    written.add(s.site());
                }
                spine(items, result.spine(), written);
                change(items, result.change());
                whoCategory(items, result);
            }
            for (ReportSection section : doc.text().sections()) {
                text(items.addItem(), ContentItems.CONTAINS, sectionConcept(section.key()),
                        section.heading() + "\n" + section.text());
            }
            if (!doc.text().conclusion().isEmpty()) {
                text(items.addItem(), ContentItems.CONTAINS, IMPRESSION, doc.text().conclusion());
            }
            if (doc.scan() != null && doc.scan().studyMismatch()) {
                // The UIDs are identifiers of objects, not of the patient: an engineer needs both.
                text(items.addItem(), ContentItems.CONTAINS, FINDING, "The scanner filed its images under study "
                        + doc.scan().scannerStudyUid() + ", not the ordered study " + doc.scan().studyInstanceUid()
                        + "; this report is filed under the ordered study.");
            }
        }

        private void measurement(Sequence items, Site site, Laterality side, BigDecimal bmd, BigDecimal t,
                                 BigDecimal z) {
            num(items, site, side, ReportQuantity.BMD, bmd);
            num(items, site, side, ReportQuantity.T_SCORE, t);
            num(items, site, side, ReportQuantity.Z_SCORE, z);
        }

        private void num(Sequence items, Site site, Laterality side, ReportQuantity quantity, BigDecimal value) {
            if (value == null) {
                return;
            }
            MeasurementCode mc = codes.measurement(site, side, quantity).orElseThrow(() ->
                    new IllegalStateException("conf/report/codes.yaml has no " + quantity + " code for " + site));
            Attributes item = items.addItem();
            numItem(item, mc.code(), value, codes.unit(quantity), site + " " + quantity);
            Sequence mods = null;
            if (mc.needsFindingSite()) {
                mods = item.newSequence(Tag.ContentSequence);
                ContentItems.code(mods.addItem(), ContentItems.HAS_CONCEPT_MOD, use(codes.findingSiteConcept()),
                        use(codes.findingSite(site)));
            }
            Optional<Code> sideCode = codes.laterality(side);
            if (sideCode.isPresent()) {
                if (mods == null) {
                    mods = item.newSequence(Tag.ContentSequence);
                }
                ContentItems.code(mods.addItem(), ContentItems.HAS_CONCEPT_MOD, use(codes.lateralityConcept()),
                        use(sideCode.get()));
            }
        }

        /**
         * The spine as the result assessed it, unless it is one of the sites already written. A
         * spine of non-contiguous vertebrae ("L1,L2,L4") has no finding-site code, and a NUM with an
         * uncoded site would stop a mapping reading the whole report back, so it is said in words.
         */
        private void spine(Sequence items, SpineResult spine, Set<Site> written) {
            if (spine == null || spine.label() == null) {
                return;
            }
            Optional<Site> site = Site.parse(spine.label());
            if (site.isPresent()) {
                if (!written.contains(site.get())) {
                    measurement(items, site.get(), null, spine.bmd(), spine.tScore(), spine.zScore());
                }
                return;
            }
            if (spine.bmd() == null && spine.tScore() == null && spine.zScore() == null) {
                return;
            }
            StringBuilder s = new StringBuilder("Lumbar spine ").append(spine.label()).append(':');
            if (spine.bmd() != null) {
                s.append(" BMD ").append(spine.bmd().toPlainString()).append(" g/cm2");
            }
            if (spine.tScore() != null) {
                s.append(" T-score ").append(spine.tScore().toPlainString());
            }
            if (spine.zScore() != null) {
                s.append(" Z-score ").append(spine.zScore().toPlainString());
            }
            text(items.addItem(), ContentItems.CONTAINS, FINDING, s.toString());
        }

        private void change(Sequence items, List<ChangeResult> changes) {
            if (changes.isEmpty()) {
                return;
            }
            Sequence region = ContentItems.container(items.addItem(), ContentItems.CONTAINS, FINDINGS);
            for (ChangeResult c : changes) {
                if (c.deltaBmd() != null) {
                    Attributes item = region.addItem();
                    numItem(item, use(codes.change().bmd()), c.deltaBmd(), use(codes.unit(ReportQuantity.BMD)),
                            c.site() + " change");
                    regionModifiers(item, c);
                }
                if (c.percent() != null) {
                    Attributes item = region.addItem();
                    numItem(item, use(codes.change().percent()), c.percent(), use(codes.percentUnit()),
                            c.site() + " percent change");
                    regionModifiers(item, c);
                }
                String significance = significance(c);
                if (significance != null) {
                    Attributes item = region.addItem();
                    text(item, ContentItems.CONTAINS, codes.change().significance(), significance);
                    regionModifiers(item, c);
                }
            }
        }

        /** Yes/no in words (codes.yaml has no yes/no concept); null when no LSC or not comparable. */
        private String significance(ChangeResult c) {
            if (!c.comparable()) {
                return "Not comparable" + (c.note() == null || c.note().isBlank() ? "" : ": " + c.note());
            }
            if (c.significant() == null) {
                return null;
            }
            String lsc = c.lsc() == null ? "" : " (least significant change " + c.lsc().toPlainString() + " g/cm2"
                    + (c.lscIsDefault() ? ", default" : "") + ")";
            return (c.significant() ? "Yes: exceeds the least significant change" : "No: within the least"
                    + " significant change") + lsc;
        }

        private void regionModifiers(Attributes item, ChangeResult c) {
            Sequence mods = item.newSequence(Tag.ContentSequence);
            Optional<Site> site = Site.parse(c.site());
            if (site.isPresent()) {
                ContentItems.code(mods.addItem(), ContentItems.HAS_CONCEPT_MOD, use(codes.findingSiteConcept()),
                        use(codes.findingSite(site.get())));
            } else if (c.site() != null && !c.site().isBlank()) {
                // a region with no code (the spine's "L1,L2,L4"): named in words
                text(mods.addItem(), ContentItems.HAS_CONCEPT_MOD, codes.findingSiteConcept(), c.site());
            }
            codes.laterality(c.laterality()).ifPresent(side -> ContentItems.code(mods.addItem(),
                    ContentItems.HAS_CONCEPT_MOD, use(codes.lateralityConcept()), use(side)));
        }

        private void whoCategory(Sequence items, DensitometryResult result) {
            Code value = result.whoCategory() == null ? codes.notClassified() : codes.whoCategory(result.whoCategory());
            ContentItems.code(items.addItem(), ContentItems.CONTAINS, use(codes.whoCategoryConcept()), use(value));
            String why = result.zScoreInterpretation();
            if ((why == null || why.isBlank()) && result.whoCategory() == null) {
                why = result.flags().stream().map(Flag::message).filter(m -> m != null && !m.isBlank())
                        .collect(Collectors.joining("\n"));
                if (why.isBlank()) {
                    why = "No WHO category is given for this result.";
                }
            }
            if (why != null && !why.isBlank()) {
                text(items.addItem(), ContentItems.CONTAINS, FINDING, why);
            }
        }

        /** A NUM whose value is written digit for digit: as given, or in E-notation when only that fits a DS. */
        private void numItem(Attributes item, Code name, BigDecimal value, Code unit, String what) {
            String plain = value.toPlainString();
            if (plain.length() <= MAX_DS) {
                ContentItems.num(item, ContentItems.CONTAINS, use(name), value, use(unit));
            } else {
                String sci = value.toString();
                if (sci.length() > MAX_DS) {
                    throw new IllegalArgumentException(what + " value " + plain + " does not fit a DS (16 characters)");
                }
                ContentItems.num(item, ContentItems.CONTAINS, use(name), BigDecimal.ZERO, use(unit));
                item.getSequence(Tag.MeasuredValueSequence).get(0).setString(Tag.NumericValue, sci);
            }
        }

        private void text(Attributes item, String relationship, Code name, String value) {
            item.setString(Tag.RelationshipType, relationship);
            item.setString(Tag.ValueType, "TEXT");
            use(name).writeTo(item.newSequence(Tag.ConceptNameCodeSequence).addItem());
            item.setString(Tag.TextValue, value); // UT: no length limit that a report reaches
        }

        private Code use(Code code) {
            schemes.add(code.scheme());
            return code;
        }
    }

    /** Which document-structure concept a report section is (keys as {@code ReportText} lists them). */
    static Code sectionConcept(String key) {
        if ("technical".equals(key)) {
            return PROCEDURE_DESCRIPTION;
        }
        if ("followUp".equals(key) || "investigation".equals(key)) {
            return RECOMMENDATION;
        }
        return FINDING;
    }
}
