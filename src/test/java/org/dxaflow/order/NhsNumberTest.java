package org.dxaflow.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NhsNumberTest {

    @Test
    void acceptsTheNhsDataDictionaryExample() {
        // 943 476 5919: 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 299 mod 11 = 2; 11-2 = 9 = last digit.
        assertTrue(NhsNumber.isValid("9434765919"));
        assertTrue(NhsNumber.isValid("943 476 5919"));
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertFalse(NhsNumber.isValid("9434765918"));
    }

    @Test
    void checkDigitFollowsModulusEleven() {
        // 999000001: 9*10 + 9*9 + 9*8 + 1*2 = 245; 245 mod 11 = 3; 11 - 3 = 8.
        assertTrue(NhsNumber.isValid("9990000018"));
        assertFalse(NhsNumber.isValid("9990000010"));
        // 220000000: 2*10 + 2*9 = 38; 38 mod 11 = 5; 11 - 5 = 6.
        assertTrue(NhsNumber.isValid("2200000006"));
    }

    @Test
    void remainderZeroGivesCheckDigitZero() {
        // 200000001: 2*10 + 1*2 = 22; 22 mod 11 = 0; 11 - 0 = 11, which becomes 0.
        assertTrue(NhsNumber.isValid("2000000010"));
    }

    @Test
    void checkDigitTenIsNeverIssued() {
        // 100000001: 1*10 + 1*2 = 12; 12 mod 11 = 1; 11 - 1 = 10: no last digit makes this valid.
        for (int d = 0; d <= 9; d++) {
            assertFalse(NhsNumber.isValid("100000001" + d), "check digit " + d);
        }
    }

    @Test
    void refusesWrongLengthsAndLetters() {
        assertFalse(NhsNumber.isValid("943476591"));
        assertFalse(NhsNumber.isValid("94347659190"));
        assertFalse(NhsNumber.isValid("94347659A9"));
        assertFalse(NhsNumber.isValid(null));
        assertEquals("9434765919", NhsNumber.normalise("943-476-5919"));
    }
}
