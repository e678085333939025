package org.dxaflow.worklist;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.dxaflow.clinical.Sex;
import org.dxaflow.order.CodedValue;
import org.dxaflow.order.PersonName;

/**
 * One scheduled DXA scan as the scanner sees it on its worklist: the patient, the requested
 * procedure and the one scheduled procedure step.
 */
public record WorklistEntry(
        long orderId,
        String accessionNumber,
        String patientId,
        String issuerOfPatientId,
        String nhsNumber,
        PersonName patientName,
        LocalDate birthDate,
        Sex sex,
        Double weightKg,
        Double heightM,
        PersonName referringPhysician,
        String studyInstanceUid,
        String requestedProcedureId,
        CodedValue requestedProcedure,
        String stationAeTitle,
        LocalDate scheduledDate,
        LocalTime scheduledTime,
        String stepId,
        String stepDescription,
        List<CodedValue> protocol,
        String stepStatus) {

    public WorklistEntry {
        protocol = List.copyOf(protocol);
    }

    public WorklistEntry withProtocol(List<CodedValue> codes) {
        return new WorklistEntry(orderId, accessionNumber, patientId, issuerOfPatientId, nhsNumber, patientName,
                birthDate, sex, weightKg, heightM, referringPhysician, studyInstanceUid, requestedProcedureId,
                requestedProcedure, stationAeTitle, scheduledDate, scheduledTime, stepId, stepDescription, codes,
                stepStatus);
    }
}
