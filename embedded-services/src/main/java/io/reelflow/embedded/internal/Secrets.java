package io.reelflow.embedded.internal;

import java.security.SecureRandom;

/** Random throwaway credentials, so that no fixed key is ever committed or reused between runs. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final char[] ALNUM =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Secrets() {}

    /** An access key id in the usual AWS shape: 20 upper-case letters and digits. */
    public static String accessKey() {
        return random(UPPER_ALNUM, 20);
    }

    /** A 40-character secret key. */
    public static String secretKey() {
        return random(ALNUM, 40);
    }

    private static String random(char[] alphabet, int length) {
        StringBuilder result = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            result.append(alphabet[RANDOM.nextInt(alphabet.length)]);
        }
        return result.toString();
    }
}
