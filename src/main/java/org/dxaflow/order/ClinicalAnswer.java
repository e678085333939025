package org.dxaflow.order;

import java.util.List;

/**
 * One answer on the referral, as order-comms sent it in an OBX: the question's code and coding
 * system, the value type and the values. The justification gate maps codes to its own fields.
 */
public record ClinicalAnswer(String code, String codingSystem, String valueType, List<String> values, String units) {
    public ClinicalAnswer {
        values = List.copyOf(values);
    }
}
