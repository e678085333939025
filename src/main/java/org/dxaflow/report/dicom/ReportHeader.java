package org.dxaflow.report.dicom;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetWriter;
import org.dxaflow.dicom.data.DateTimes;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.sr.Code;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.SopReference;
import org.dxaflow.worklist.WorklistIdentity;

/**
 * The modules the report's SR and its encapsulated PDF share: SOP Common, Patient, General Study,
 * the series and General Equipment. Patient and study come from the order's worklist item
 * ({@link WorklistIdentity}), so the PACS files the report with the scanner's objects.
 */
final class ReportHeader {

    /** General Equipment Manufacturer (type 2): the report is dxaflow's, not the scanner's. */
    static final String MANUFACTURER = "dxaflow";

    /** Default repertoire (ASCII), Latin-1, UTF-8: PS3.3 C.12.1.1.2 defined terms. */
    private static final List<String> CHARACTER_SETS = List.of("", "ISO_IR 100", "ISO_IR 192");

    private final ReportDicomSettings settings;

    ReportHeader(ReportDicomSettings settings) {
        this.settings = settings;
    }

    /**
     * Writes the shared modules.
     *
     * @param seriesNumber the report series' own number, so a viewer lists it apart from the scanner's
     */
    Attributes write(ReportDocument doc, String sopClassUid, String seriesUid, String instanceUid, String modality,
                     int seriesNumber, String seriesDescription) {
        Attributes ds = new Attributes();

        // SOP Common (C.12.1): the instance is created with the version, so a resend is identical
        LocalDateTime created = local(doc.createdAt());
        ds.setString(Tag.SOPClassUID, sopClassUid);
        ds.setString(Tag.SOPInstanceUID, instanceUid);
        ds.setString(Tag.InstanceCreationDate, DateTimes.formatDA(created.toLocalDate()));
        ds.setString(Tag.InstanceCreationTime, DateTimes.formatTM(created.toLocalTime()));

        // Patient (C.7.1.1) and General Study (C.7.2.1), as the worklist gave them to the scanner
        Attributes item = settings.identity().patientAndStudy(doc.order(), doc.uids().studyInstanceUid());
        for (Tag t : WorklistIdentity.PATIENT_AND_STUDY) {
            if (!isRequestAttribute(t)) {
                ds.copyFrom(item, t.value());
            }
        }
        ds.setString(Tag.StudyDate, doc.scan().scanDate() == null ? "" : DateTimes.formatDA(doc.scan().scanDate()));
        ds.setNull(Tag.StudyTime); // the report knows the scan's day, not its time (type 2)
        // StudyID from the Requested Procedure ID, as the scanner's own SR has it (IHE SWF)
        ds.setString(Tag.StudyID, item.getString(Tag.RequestedProcedureID, ""));

        // The series (C.17.1 SR Document Series / A.45.1 Encapsulated Document Series)
        ds.setString(Tag.Modality, modality);
        ds.setString(Tag.SeriesInstanceUID, seriesUid);
        ds.setInt(Tag.SeriesNumber, seriesNumber);
        ds.setString(Tag.SeriesDescription, seriesDescription);

        // General Equipment (C.7.5.1)
        ds.setString(Tag.Manufacturer, MANUFACTURER);
        if (!settings.organization().isEmpty()) {
            ds.setString(Tag.InstitutionName, truncate(settings.organization(), 64));
        }

        ds.setInt(Tag.InstanceNumber, doc.version());
        ds.setString(Tag.ContentDate, DateTimes.formatDA(created.toLocalDate()));
        ds.setString(Tag.ContentTime, DateTimes.formatTM(created.toLocalTime()));
        return ds;
    }

    /**
     * Declares the narrowest repertoire that holds every text value of the data set: none for
     * ASCII, Latin-1, else UTF-8. Call it once all text is set. Narrowest because receivers (and
     * DCMTK's checker) handle Latin-1 everywhere but some still warn on or mangle UTF-8, which is
     * used only when a name needs it.
     */
    static void characterSet(Attributes ds) {
        for (String term : CHARACTER_SETS) {
            if (term.isEmpty()) {
                ds.remove(Tag.SpecificCharacterSet);
            } else {
                ds.setString(Tag.SpecificCharacterSet, term);
            }
            try {
                DataSetWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
                return;
            } catch (IllegalArgumentException notRepresentable) {
                // try the next, wider repertoire
            }
        }
        throw new IllegalArgumentException("report text not representable even in UTF-8");
    }

    /** The order's request attributes (Referenced Request Sequence), from its worklist item. */
    void referencedRequest(ReportDocument doc, Attributes request) {
        Attributes item = settings.identity().patientAndStudy(doc.order(), doc.uids().studyInstanceUid());
        request.setString(Tag.StudyInstanceUID, doc.uids().studyInstanceUid());
        request.newSequence(Tag.ReferencedStudySequence);
        copyOrEmpty(item, request, Tag.AccessionNumber);
        copyOrEmpty(item, request, Tag.RequestedProcedureID);
        copyOrEmpty(item, request, Tag.RequestedProcedureDescription);
        copyOrEmpty(item, request, Tag.RequestedProcedureCodeSequence);
        request.setString(Tag.PlacerOrderNumberImagingServiceRequest, nz(doc.order().placerOrderNumber()));
        request.setString(Tag.FillerOrderNumberImagingServiceRequest, nz(doc.order().fillerOrderNumber()));
    }

    /** The requested procedure's codes as the worklist item has them (PerformedProcedureCodeSequence). */
    Sequence requestedProcedureCodes(ReportDocument doc) {
        return settings.identity().patientAndStudy(doc.order(), doc.uids().studyInstanceUid())
                .getSequence(Tag.RequestedProcedureCodeSequence);
    }

    LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone());
    }

    ZoneId zone() {
        return settings.zone();
    }

    String organization() {
        return settings.organization();
    }

    /** PS3.3 C.17.6.2 Hierarchical SOP Instance Reference Macro: study, series, SOP. */
    static void reference(Attributes item, SopReference ref) {
        item.setString(Tag.StudyInstanceUID, ref.studyInstanceUid());
        Attributes series = item.newSequence(Tag.ReferencedSeriesSequence).addItem();
        series.setString(Tag.SeriesInstanceUID, ref.seriesInstanceUid());
        series.newSequence(Tag.ReferencedSOPSequence).addItem()
                .setString(Tag.ReferencedSOPClassUID, ref.sopClassUid())
                .setString(Tag.ReferencedSOPInstanceUID, ref.sopInstanceUid());
    }

    static void copyCodes(Sequence from, Sequence to) {
        if (from == null) {
            return;
        }
        for (Attributes item : from) {
            Code code = Code.readFrom(item);
            if (code != null) {
                code.writeTo(to.addItem());
            }
        }
    }

    /** Cuts text to a VR's length limit (in characters); for display values only, never identifiers. */
    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static boolean isRequestAttribute(Tag t) {
        return t == Tag.RequestedProcedureID || t == Tag.RequestedProcedureDescription
                || t == Tag.RequestedProcedureCodeSequence;
    }

    private static void copyOrEmpty(Attributes from, Attributes to, Tag tag) {
        if (!to.copyFrom(from, tag.value())) {
            to.setNull(tag);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
