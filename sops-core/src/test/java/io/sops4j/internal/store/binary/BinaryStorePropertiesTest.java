package io.sops4j.internal.store.binary;

import static org.assertj.core.api.Assertions.assertThat;

import io.sops4j.testing.Escaped;
import io.sops4j.testing.SeededCase;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BinaryStorePropertiesTest {

    private static final int MAX_SIZE = 4096;
    private static final byte[] EDGE_BYTES = {0, 1, -1, Byte.MIN_VALUE, Byte.MAX_VALUE, '\n', '\r', '"', '\\'};

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300);
    }

    static byte[] bytes(Random random) {
        int size = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(4);
            case 1 -> random.nextInt(64);
            case 2 -> MAX_SIZE - random.nextInt(4);
            default -> random.nextInt(MAX_SIZE + 1);
        };
        byte[] bytes = new byte[size];
        boolean edgesOnly = random.nextInt(5) == 0;
        for (int i = 0; i < size; i++) {
            bytes[i] = edgesOnly ? EDGE_BYTES[random.nextInt(EDGE_BYTES.length)] : (byte) random.nextInt(256);
        }
        return bytes;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyBytesSurviveLoadAndEmit(long seed) {
        byte[] bytes = bytes(new Random(seed));
        BinaryStore store = new BinaryStore(-1);

        SeededCase.check(seed, Escaped.bytes(bytes),
                () -> assertThat(store.emitPlain(store.loadPlain(bytes))).isEqualTo(bytes));
    }
}
