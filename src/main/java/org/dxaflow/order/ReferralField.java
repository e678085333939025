package org.dxaflow.order;

/**
 * Canonical referral questions. The HL7 side maps OBX-3 codes onto these through
 * {@code mappings/hl7/referral-questions.yaml} ({@link ReferralQuestionMapping}); the type and
 * repeat flag here are the contract, and the mapping file is checked against them at load.
 */
public enum ReferralField {
    REFREASON(FieldType.CE, true),
    FRACTURE_AFTER_40(FieldType.CE, false),
    FRACTURE_DETAILS(FieldType.ST, false),
    MENOPAUSE(FieldType.CE, false),
    STEROID_ROUTE(FieldType.CE, false),
    STEROID_ORAL_COURSES(FieldType.CE, false),
    STEROID_DOSE_MG(FieldType.NM, false),
    STEROID_DURATION_MONTHS(FieldType.NM, false),
    CONDITION(FieldType.CE, true),
    FRAX_MOF(FieldType.NM, false),
    FRAX_HIP(FieldType.NM, false),
    NOGG_ZONE(FieldType.CE, false),
    OSTEO_TREATMENT(FieldType.CE, false),
    PREVIOUS_DXA_DATE(FieldType.DT, false),
    PREVIOUS_DXA_SITE(FieldType.ST, false),
    WEIGHT_KG(FieldType.NM, false),
    HEIGHT_CM(FieldType.NM, false),
    HEIGHT_LOSS_CM(FieldType.NM, false),
    PREGNANT(FieldType.CE, false),
    RECENT_NM_OR_CONTRAST_DATE(FieldType.DT, false),
    SPECIAL_NEEDS(FieldType.ST, false);

    private final FieldType type;
    private final boolean repeating;

    ReferralField(FieldType type, boolean repeating) {
        this.type = type;
        this.repeating = repeating;
    }

    public FieldType type() {
        return type;
    }

    public boolean repeating() {
        return repeating;
    }
}
