package io.sops4j.internal.crypto;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shamir secret sharing over GF(2^8) with the AES polynomial, in upstream's share layout: each
 * share is the secret's length of y-bytes followed by one x-byte, x = share index + 1.
 */
public final class Shamir {


    private Shamir() {
    }

    public static byte[][] split(byte[] secret, int parts, int threshold) {
        if (parts < threshold) {
            throw new IllegalArgumentException("parts cannot be less than threshold");
        }
        if (parts > 255) {
            throw new IllegalArgumentException("parts cannot exceed 255");
        }
        if (threshold < 2) {
            throw new IllegalArgumentException("threshold must be at least 2");
        }
        if (threshold > 255) {
            throw new IllegalArgumentException("threshold cannot exceed 255");
        }
        if (secret.length == 0) {
            throw new IllegalArgumentException("cannot split an empty secret");
        }
        byte[][] shares = new byte[parts][secret.length + 1];
        for (int i = 0; i < parts; i++) {
            shares[i][secret.length] = (byte) (i + 1);
        }
        int[] coefficients = new int[threshold];
        for (int j = 0; j < secret.length; j++) {
            coefficients[0] = secret[j] & 0xff;
            for (int c = 1; c < threshold; c++) {
                coefficients[c] = Randomness.secureRandom().nextInt(256);
            }
            for (int i = 0; i < parts; i++) {
                shares[i][j] = (byte) evaluate(coefficients, i + 1);
            }
        }
        return shares;
    }

    public static byte[] combine(List<byte[]> parts) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("less than two parts cannot be used to reconstruct the secret");
        }
        int length = parts.get(0).length;
        if (length < 2) {
            throw new IllegalArgumentException("parts must be at least two bytes");
        }
        int[] xs = new int[parts.size()];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).length != length) {
                throw new IllegalArgumentException("all parts must be the same length");
            }
            xs[i] = parts.get(i)[length - 1] & 0xff;
            if (!seen.add(xs[i])) {
                throw new IllegalArgumentException("duplicate part detected");
            }
        }
        byte[] secret = new byte[length - 1];
        int[] ys = new int[parts.size()];
        for (int j = 0; j < secret.length; j++) {
            for (int i = 0; i < parts.size(); i++) {
                ys[i] = parts.get(i)[j] & 0xff;
            }
            secret[j] = (byte) interpolateAtZero(xs, ys);
        }
        return secret;
    }

    private static int evaluate(int[] coefficients, int x) {
        int result = coefficients[coefficients.length - 1];
        for (int i = coefficients.length - 2; i >= 0; i--) {
            result = mul(result, x) ^ coefficients[i];
        }
        return result;
    }

    private static int interpolateAtZero(int[] xs, int[] ys) {
        int result = 0;
        for (int i = 0; i < xs.length; i++) {
            int basis = 1;
            for (int j = 0; j < xs.length; j++) {
                if (i != j) {
                    basis = mul(basis, div(xs[j], xs[i] ^ xs[j]));
                }
            }
            result ^= mul(ys[i], basis);
        }
        return result;
    }

    static int mul(int a, int b) {
        int product = 0;
        while (b != 0) {
            if ((b & 1) != 0) {
                product ^= a;
            }
            a <<= 1;
            if ((a & 0x100) != 0) {
                a ^= 0x11b;
            }
            b >>= 1;
        }
        return product;
    }

    static int div(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("divide by zero");
        }
        return mul(a, inverse(b));
    }

    private static int inverse(int a) {
        int result = 1;
        int base = a;
        int exponent = 254;
        while (exponent > 0) {
            if ((exponent & 1) != 0) {
                result = mul(result, base);
            }
            base = mul(base, base);
            exponent >>= 1;
        }
        return result;
    }
}
