package org.dxaflow.dicom.data;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Creates UIDs (PS3.5 9.1) under one root: at most 64 characters, digits and dots only, no
 * component with a leading zero.
 *
 * <p>Each UID is {@code <root>.<n random digits>} where n fills the remaining length (up to 39
 * digits, the size of a UUID) and the first digit is never 0. With the default root n is 20, about
 * 66 bits of randomness, so collisions are negligible without any shared counter or state.
 */
public final class UidGenerator {

    /**
     * Placeholder root for development and tests: a UUID-derived root under 2.25 (ISO/IEC 9834-8,
     * PS3.5 B.2), so it is valid and unique without registration. Sites should configure their
     * own registered root with the configuration key {@value #CONFIG_KEY}.
     */
    public static final String DEFAULT_ROOT = "2.25.96772623878311257567363644354519404377";
    /** Configuration key for the site's UID root. */
    public static final String CONFIG_KEY = "dxaflow.dicom.uidroot";
    public static final int MAX_LENGTH = 64;
    /** Fewer random digits than this (about 60 bits) would make collisions plausible. */
    static final int MIN_RANDOM_DIGITS = 18;
    private static final int MAX_RANDOM_DIGITS = 39;
    private static final Pattern VALID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

    private final String root;
    private final int digits;
    private final SecureRandom random = new SecureRandom();

    public UidGenerator() {
        this(DEFAULT_ROOT);
    }

    /** @param root the site's UID root, e.g. "1.2.826.0.1.3680043.10.1234" (no trailing dot) */
    public UidGenerator(String root) {
        if (root == null || !isValid(root)) {
            throw new IllegalArgumentException("invalid UID root: " + root);
        }
        int available = MAX_LENGTH - root.length() - 1;
        if (available < MIN_RANDOM_DIGITS) {
            throw new IllegalArgumentException("UID root too long (" + root.length() + " chars); at most "
                    + (MAX_LENGTH - 1 - MIN_RANDOM_DIGITS) + " leave room for unique suffixes");
        }
        this.root = root;
        this.digits = Math.min(available, MAX_RANDOM_DIGITS);
    }

    public String root() {
        return root;
    }

    /** A new random UID under the root. Thread safe. */
    public String createUid() {
        BigInteger low = BigInteger.TEN.pow(digits - 1);
        BigInteger span = BigInteger.TEN.pow(digits).subtract(low);
        BigInteger r = new BigInteger(span.bitLength() + 64, random).mod(span).add(low);
        return root + "." + r;
    }

    /**
     * A UID derived from a name (e.g. an accession number), the same every time: lets dxaflow
     * give one order the same Study Instance UID on every run without storing it. SHA-256 of the
     * name, reduced to the available digits.
     */
    public String nameBasedUid(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            BigInteger low = BigInteger.TEN.pow(digits - 1);
            BigInteger span = BigInteger.TEN.pow(digits).subtract(low);
            return root + "." + new BigInteger(1, hash).mod(span).add(low);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** True if the text is a syntactically valid UID (PS3.5 9.1). */
    public static boolean isValid(String uid) {
        return uid != null && !uid.isEmpty() && uid.length() <= MAX_LENGTH && VALID.matcher(uid).matches();
    }
}
