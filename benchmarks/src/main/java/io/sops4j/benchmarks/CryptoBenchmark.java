package io.sops4j.benchmarks;

import io.sops4j.format.Format;
import io.sops4j.internal.format.Stores;
import io.sops4j.internal.store.Store;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * In-process decryption and encryption of whole files, against the floor of parsing and emitting
 * the same plaintext with the same store and no cryptography. One operation is one whole file;
 * values per second and MB per second follow from the value count and size printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CryptoBenchmark {

    @Param({"yaml", "json"})
    public String format;

    @Param({"10k", "1m", "20m"})
    public String size;

    private Fixture fixture;
    private Format fileFormat;
    private Store store;
    private byte[] plaintext;
    private byte[] encrypted;
    private CryptoFloor cryptoFloor;

    /** Prepares only what the benchmark method needs: encrypting a 20 MiB input takes seconds. */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        prepare(method.equals("decrypt"), method.equals("cryptoFloor"));
    }

    void prepare(boolean withEncrypted, boolean withCryptoFloor) {
        fileFormat = Format.fromName(format).orElseThrow();
        store = Stores.of(fileFormat);
        fixture = Fixture.create();
        plaintext = Inputs.generate(fileFormat, Inputs.parseSize(size));
        encrypted = withEncrypted ? fixture.encrypt(plaintext, fileFormat) : null;
        cryptoFloor = withCryptoFloor ? new CryptoFloor(store.loadPlain(plaintext)) : null;
        System.out.printf("%nINPUT format=%s size=%s plaintextBytes=%d encryptedBytes=%s%n",
                format, size, plaintext.length, encrypted == null ? "-" : String.valueOf(encrypted.length));
    }

    /** Decrypt and print the plaintext, as {@code sops decrypt} does. */
    @Benchmark
    public byte[] decrypt() {
        return fixture.sops().decrypt(encrypted, fileFormat).toBytes();
    }

    /** Encrypt plaintext to the age key, as {@code sops encrypt} does. */
    @Benchmark
    public byte[] encrypt() {
        return fixture.encrypt(plaintext, fileFormat);
    }

    /** The floor: the same store reading and writing the plaintext, no cryptography. */
    @Benchmark
    public byte[] parseEmit() {
        return store.emitPlain(store.loadPlain(plaintext));
    }

    /** The JDK's AES-GCM and SHA-512 work for the same values, without parsing or emitting. */
    @Benchmark
    public byte[] cryptoFloor() {
        return cryptoFloor.run();
    }
}
