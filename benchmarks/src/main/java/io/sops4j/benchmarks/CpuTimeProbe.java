package io.sops4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Times the {@link CryptoBenchmark} operations by the CPU time of the running thread as well as by
 * the wall clock: on a machine shared with other work the CPU time stays comparable between runs
 * when the wall-clock time does not.
 *
 * <p>Usage: {@code CpuTimeProbe FORMAT SIZE WARMUP_OPS MEASURED_OPS OPERATION...}
 * (operations: {@code decrypt}, {@code encrypt}, {@code parseEmit}, {@code cryptoFloor}).
 */
public final class CpuTimeProbe {

    private CpuTimeProbe() {
    }

    public static void main(String[] args) {
        CryptoBenchmark benchmark = new CryptoBenchmark();
        benchmark.format = args[0];
        benchmark.size = args[1];
        int warmup = Integer.parseInt(args[2]);
        int measured = Integer.parseInt(args[3]);
        benchmark.prepare(true, true);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int a = 4; a < args.length; a++) {
            String operation = args[a];
            Supplier<byte[]> op = switch (operation) {
                case "decrypt" -> benchmark::decrypt;
                case "encrypt" -> benchmark::encrypt;
                case "parseEmit" -> benchmark::parseEmit;
                case "cryptoFloor" -> benchmark::cryptoFloor;
                default -> throw new IllegalArgumentException("unknown operation " + operation);
            };
            for (int i = 0; i < warmup; i++) {
                op.get();
            }
            double[] cpu = new double[measured];
            double[] wall = new double[measured];
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < measured; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                op.get();
                wall[i] = (System.nanoTime() - wallStart) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            }
            double allocatedMiB = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / (double) measured / (1 << 20);
            Arrays.sort(cpu);
            Arrays.sort(wall);
            System.out.printf(Locale.ROOT, "CPU format=%s size=%s op=%s n=%d cpuMedianMs=%.2f cpuMinMs=%.2f "
                            + "wallMedianMs=%.2f wallMinMs=%.2f allocatedMiB=%.1f%n",
                    args[0], args[1], operation, measured, cpu[measured / 2], cpu[0], wall[measured / 2], wall[0],
                    allocatedMiB);
        }
    }
}
