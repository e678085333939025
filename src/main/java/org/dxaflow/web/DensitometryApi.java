package org.dxaflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dxaflow.densitometry.DensitometryCalculator;
import org.dxaflow.densitometry.DensitometryResult;
import org.dxaflow.densitometry.ScanInput;
import org.dxaflow.densitometry.api.ComputeRequest;
import org.dxaflow.densitometry.api.ComputeRequestValidator;
import org.dxaflow.densitometry.api.FieldError;
import org.dxaflow.densitometry.api.ValidationException;

/**
 * {@code POST /api/densitometry/compute}: the same computation as for stored results, on JSON, for
 * integration engineers and for verification. Bad input is a 400 whose {@code errors} name each
 * field by its JSON path ({@code sites[0].bmd}); an unknown field is bad input too, since a
 * misspelt "menopausal" silently ignored would change the WHO category.
 */
public final class DensitometryApi {

    private final DensitometryCalculator calculator;
    private final ComputeRequestValidator validator;
    private final ObjectMapper json;

    /** @param json DensitometryJson.mapper(): fails on unknown properties, writes decimals plainly */
    public DensitometryApi(DensitometryCalculator calculator, ComputeRequestValidator validator, ObjectMapper json) {
        this.calculator = calculator;
        this.validator = validator;
        this.json = json;
    }

    public ApiResponse compute(String body) {
        if (body == null || body.isBlank()) {
            return invalid(List.of(new FieldError("", "request body is required (JSON)")));
        }
        ComputeRequest request;
        try {
            request = json.readValue(body, ComputeRequest.class);
        } catch (UnrecognizedPropertyException e) {
            return invalid(List.of(new FieldError(path(e), "unknown field '" + e.getPropertyName() + "'")));
        } catch (JsonMappingException e) {
            return invalid(List.of(new FieldError(path(e), "wrong type: " + e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            return invalid(List.of(new FieldError("", "body is not valid JSON: " + e.getOriginalMessage())));
        }
        ScanInput input;
        try {
            input = validator.validate(request);
        } catch (ValidationException e) {
            return invalid(e.errors());
        }
        DensitometryResult result = calculator.compute(input);
        try {
            return new ApiResponse(200, json.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            return ApiResponse.error(500, e.getMessage());
        }
    }

    private ApiResponse invalid(List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid request: " + errors);
        body.put("errors", errors);
        try {
            return new ApiResponse(400, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            return ApiResponse.error(400, errors.toString());
        }
    }

    /** The JSON path of a Jackson error: {@code sites[0].bmd}. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
