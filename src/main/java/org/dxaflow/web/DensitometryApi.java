package org.dxaflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * misspelt "menopausal" silently ignored would change the WHO category. Every problem is named in
 * the one answer: each unknown field, each value of the wrong type, and what the validator finds.
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
        // Unknown fields and wrong types are collected, not thrown at the first: one 400 names them all,
        // together with what the validator finds in the rest of the request.
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            return invalid(List.of(new FieldError("", "body is not valid JSON: " + e.getOriginalMessage())));
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode checked = check(tree, ComputeRequest.class, "", errors);
        ComputeRequest request = null;
        if (checked != null && !checked.isNull()) {
            try {
                request = json.treeToValue(checked, ComputeRequest.class);
            } catch (JsonProcessingException e) {
                // what the walk below did not foresee: still named by its path
                errors.add(new FieldError(e instanceof JsonMappingException m ? path(m) : "",
                        "wrong type: " + e.getOriginalMessage()));
                return invalid(errors);
            }
        }
        ScanInput input = null;
        try {
            input = validator.validate(request);
        } catch (ValidationException e) {
            Set<String> named = new HashSet<>();
            errors.forEach(f -> named.add(f.field()));
            // a field already named as unknown or of the wrong type is not named again as missing
            e.errors().stream().filter(f -> !named.contains(f.field())).forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            return invalid(errors);
        }
        DensitometryResult result = calculator.compute(input);
        return ApiResponse.json(json, 200, result);
    }

    /**
     * Walks the JSON against the shape of the request ({@link ComputeRequest} and its nested records),
     * naming every unknown field and every value Jackson cannot read as its field's type. Returns the
     * node with those taken out (null where a value was wrong), or null when the node itself is wrong.
     */
    private JsonNode check(JsonNode node, Type type, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return node;
        }
        Class<?> raw = type instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) type;
        if (raw.isRecord()) {
            if (!node.isObject()) {
                errors.add(wrongType(path, "an object", node));
                return null;
            }
            Map<String, Type> components = new LinkedHashMap<>();
            for (RecordComponent c : raw.getRecordComponents()) {
                components.put(c.getName(), c.getGenericType());
            }
            ObjectNode out = json.createObjectNode();
            node.fields().forEachRemaining(f -> {
                String p = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                Type t = components.get(f.getKey());
                if (t == null) {
                    errors.add(new FieldError(p, "unknown field '" + f.getKey() + "'"));
                } else {
                    JsonNode v = check(f.getValue(), t, p, errors);
                    out.set(f.getKey(), v == null ? NullNode.getInstance() : v);
                }
            });
            return out;
        }
        if (List.class.isAssignableFrom(raw)) {
            if (!node.isArray()) {
                errors.add(wrongType(path, "an array", node));
                return null;
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            ArrayNode out = json.createArrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode v = check(node.get(i), element, path + "[" + i + "]", errors);
                out.add(v == null ? NullNode.getInstance() : v);
            }
            return out;
        }
        try {
            json.treeToValue(node, raw); // exactly Jackson's own rules for a value of this type
            return node;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            errors.add(wrongType(path, expected(raw), node));
            return null;
        }
    }

    private static FieldError wrongType(String path, String expected, JsonNode got) {
        return new FieldError(path, "wrong type: expected " + expected + ", got " + describe(got));
    }

    private static String expected(Class<?> raw) {
        if (Number.class.isAssignableFrom(raw)) {
            return "a number";
        }
        if (raw == Boolean.class) {
            return "true or false";
        }
        return raw == String.class ? "a string" : raw.getSimpleName();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
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
