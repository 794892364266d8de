package io.sops4j.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.sops4j.format.Format;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Decrypts one file in a fresh JVM (run it with a small {@code -Xmx}) and prints one line with
 * the time of the first (cold) and the best of the following decryptions, the largest heap in use
 * after any collection during the run (the live set) and the sum of the heap pools' peak usage
 * (an upper bound of the heap occupied at once).
 *
 * <p>Usage: {@code HeapProbe KEYFILE FILE [REPEATS]}.
 */
public final class HeapProbe {

    private HeapProbe() {
    }

    public static void main(String[] args) throws IOException {
        String identity = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8).strip();
        Path file = Path.of(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Fixture fixture = Fixture.forIdentity(identity, Files.createTempDirectory("sops4j-heap-home"));
        Format format = Format.fromPath(file);
        byte[] encrypted = Files.readAllBytes(file);

        AtomicLong maxAfterGc = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed).sum();
                    maxAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        System.gc();
        maxAfterGc.set(0);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }

        long start = System.nanoTime();
        byte[] output = fixture.sops().decrypt(encrypted, format).toBytes();
        long coldNanos = System.nanoTime() - start;
        long bestNanos = Long.MAX_VALUE;
        for (int i = 1; i < repeats; i++) {
            output = null;
            start = System.nanoTime();
            output = fixture.sops().decrypt(encrypted, format).toBytes();
            bestNanos = Math.min(bestNanos, System.nanoTime() - start);
        }
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf("HEAP file=%s encryptedBytes=%d plaintextBytes=%d coldMs=%.1f bestMs=%.1f "
                        + "liveMaxMiB=%.1f poolPeakMiB=%.1f maxHeapMiB=%.0f%n",
                file.getFileName(), encrypted.length, output.length, coldNanos / 1e6,
                bestNanos == Long.MAX_VALUE ? Double.NaN : bestNanos / 1e6,
                maxAfterGc.get() / 1048576.0, poolPeaks / 1048576.0, maxHeap / 1048576.0);
    }
}
