package org.dxaflow.order;

/**
 * NHS number check: ten digits whose last is a Modulus 11 check digit over the first nine with
 * weights 10..2 (NHS Data Dictionary, "NHS Number"). A remainder giving 10 means the number
 * was never issued.
 */
public final class NhsNumber {

    private NhsNumber() {
    }

    public static boolean isValid(String candidate) {
        if (candidate == null) {
            return false;
        }
        String digits = candidate.replace(" ", "").replace("-", "");
        if (digits.length() != 10 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** The number without spaces or dashes, as it is stored and compared. */
    public static String normalise(String candidate) {
        return candidate == null ? "" : candidate.replace(" ", "").replace("-", "");
    }
}
