package org.dxaflow.results;

import java.time.LocalDate;

/** What ties a result to its order: Study Instance UID, accession number, patient ID + scan date. */
public record ResultIdentifiers(String studyInstanceUid, String accessionNumber, String patientId, LocalDate scanDate) {

    public static final ResultIdentifiers NONE = new ResultIdentifiers(null, null, null, null);

    public ResultIdentifiers {
        studyInstanceUid = blankToNull(studyInstanceUid);
        accessionNumber = blankToNull(accessionNumber);
        patientId = blankToNull(patientId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
