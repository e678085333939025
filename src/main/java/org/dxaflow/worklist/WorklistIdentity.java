package org.dxaflow.worklist;

import java.util.List;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.order.Order;
import org.dxaflow.order.PatientDemographics;
import org.dxaflow.order.PersonName;

/**
 * Who and what an order is in DICOM: the patient, study and requested-procedure attributes of its
 * worklist item. Whatever else dxaflow files in the study (the report's SR and PDF) takes them from
 * here, so the PACS sees one patient and one study, not a scanner's version and dxaflow's.
 */
public final class WorklistIdentity {

    /** The worklist item's patient, study and request attributes (not its scheduled step). */
    public static final List<Tag> PATIENT_AND_STUDY = List.of(Tag.PatientName, Tag.PatientID, Tag.IssuerOfPatientID,
            Tag.OtherPatientIDsSequence, Tag.PatientBirthDate, Tag.PatientSex, Tag.AccessionNumber,
            Tag.ReferringPhysicianName, Tag.StudyInstanceUID, Tag.RequestedProcedureID,
            Tag.RequestedProcedureDescription, Tag.RequestedProcedureCodeSequence);

    private final WorklistDataSet dataSets;
    private final String defaultIssuerOfPatientId;

    /**
     * @param defaultIssuerOfPatientId the worklist's issuer for an MRN sent without an assigning
     *     authority ({@link StoredWorklist.Settings#issuerOfPatientId()})
     */
    public WorklistIdentity(WorklistDataSet dataSets, String defaultIssuerOfPatientId) {
        this.dataSets = dataSets;
        this.defaultIssuerOfPatientId = defaultIssuerOfPatientId == null ? "" : defaultIssuerOfPatientId;
    }

    /** Patient ID (0010,0020): the local MRN, else the NHS number. */
    public String patientId(String mrn, String nhsNumber) {
        return mrn == null || mrn.isEmpty() ? nhsNumber : mrn;
    }

    /** Issuer of Patient ID (0010,0021) for {@link #patientId}: NHS for an NHS number, else the MRN's authority. */
    public String issuerOfPatientId(String mrn, String mrnAuthority) {
        if (mrn == null || mrn.isEmpty()) {
            return "NHS";
        }
        return mrnAuthority == null || mrnAuthority.isBlank() ? defaultIssuerOfPatientId : mrnAuthority;
    }

    /**
     * The {@link #PATIENT_AND_STUDY} attributes of the order's worklist item, made by the same
     * {@link WorklistDataSet} the worklist uses. The order book keeps only the referrer's family and
     * given names, so the worklist item has no more; neither does this.
     */
    public Attributes patientAndStudy(Order order, String studyInstanceUid) {
        PatientDemographics p = order.patient().demographics();
        PersonName referrer = order.referrer() == null ? PersonName.EMPTY : order.referrer().name();
        WorklistEntry entry = new WorklistEntry(order.id(), order.accessionNumber(),
                patientId(p.mrn(), p.nhsNumber()), issuerOfPatientId(p.mrn(), p.mrnAuthority()), p.nhsNumber(),
                p.name(), p.birthDate(), p.sex(), null, null,
                new PersonName(referrer.family(), referrer.given(), "", ""), studyInstanceUid,
                order.accessionNumber(), order.procedure(), null, null, null, null, null, List.of(), null);
        Attributes item = dataSets.toAttributes(entry);
        Attributes out = new Attributes();
        for (Tag t : PATIENT_AND_STUDY) {
            out.copyFrom(item, t.value());
        }
        return out;
    }
}
