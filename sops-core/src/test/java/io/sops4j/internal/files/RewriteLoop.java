package io.sops4j.internal.files;

import java.nio.file.Path;
import java.util.Arrays;

/** Rewrites a file again and again with whole versions (every byte the same), until killed. */
public final class RewriteLoop {

    static final int SIZE = 8 * 1024 * 1024;

    private RewriteLoop() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        byte[] content = new byte[SIZE];
        for (int version = 0; ; version++) {
            Arrays.fill(content, (byte) ('a' + version % 26));
            SafeFileWriter.write(file, content);
            System.out.println("written " + version);
            System.out.flush();
        }
    }
}
