package org.dxaflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.dxaflow.results.StoredObjectStore;

/** {@code GET /api/objects}: DICOM objects the Storage SCP received, for reconciliation. */
public final class ObjectsApi {

    private static final Set<String> STATUSES = Set.of("RECEIVED", "UNMATCHED");

    private final StoredObjectStore objects;
    private final ObjectMapper json;

    public ObjectsApi(StoredObjectStore objects, ObjectMapper json) {
        this.objects = objects;
        this.json = json;
    }

    public ApiResponse list(String accessionNumber, String status, String limit) {
        if (status != null && !status.isBlank() && !STATUSES.contains(status.trim().toUpperCase())) {
            return ApiResponse.error(400, "status must be one of " + STATUSES);
        }
        int max;
        try {
            max = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            return ApiResponse.error(400, "limit must be a whole number");
        }
        return ApiResponse.json(json, 200, objects.find(accessionNumber, status, max));
    }
}
