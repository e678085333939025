package org.dxaflow.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Decimals compared by value, not by scale: the engine may write -1.0 as -1 or -1.00 and mean the same. */
public final class Decimals {
    private Decimals() {
    }

    public static void assertDecimal(String expected, JsonNode actual) {
        assertTrue(actual != null && actual.isNumber() && equal(expected, actual.decimalValue()),
                "expected " + expected + " but was " + actual);
    }

    public static void assertDecimal(String expected, BigDecimal actual) {
        assertTrue(actual != null && equal(expected, actual), "expected " + expected + " but was " + actual);
    }

    private static boolean equal(String expected, BigDecimal actual) {
        return new BigDecimal(expected).compareTo(actual) == 0;
    }
}
