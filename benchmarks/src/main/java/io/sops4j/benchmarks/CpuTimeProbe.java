package io.sops4j.benchmarks;

import io.sops4j.internal.limits.DeepStack;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        List<String> operations = List.of(args).subList(4, args.length);
        List<Supplier<byte[]>> ops = new ArrayList<>();
        for (String operation : operations) {
            ops.add(switch (operation) {
                case "decrypt" -> benchmark::decrypt;
                case "encrypt" -> benchmark::encrypt;
                case "parseEmit" -> benchmark::parseEmit;
                case "cryptoFloor" -> benchmark::cryptoFloor;
                default -> throw new IllegalArgumentException("unknown operation " + operation);
            });
        }
        double[][] cpu = new double[ops.size()][measured];
        double[][] wall = new double[ops.size()][measured];
        long[] allocated = new long[ops.size()];
        // sops4j walks documents on a thread of its own (DeepStack) unless it already runs on one;
        // measuring on such a thread keeps the work on the thread whose CPU time is read
        DeepStack.run(() -> measure(ops, warmup, measured, threads, cpu, wall, allocated));
        for (int o = 0; o < ops.size(); o++) {
            Arrays.sort(cpu[o]);
            Arrays.sort(wall[o]);
            System.out.printf(Locale.ROOT, "CPU format=%s size=%s op=%s n=%d cpuMedianMs=%.2f cpuMinMs=%.2f "
                            + "wallMedianMs=%.2f wallMinMs=%.2f allocatedMiB=%.1f%n",
                    args[0], args[1], operations.get(o), measured, cpu[o][measured / 2], cpu[o][0],
                    wall[o][measured / 2], wall[o][0], allocated[o] / (double) measured / (1 << 20));
        }
    }

    private static void measure(List<Supplier<byte[]>> ops, int warmup, int measured,
            com.sun.management.ThreadMXBean threads, double[][] cpu, double[][] wall, long[] allocated) {
        for (int i = 0; i < warmup; i++) {
            ops.forEach(Supplier::get);
        }
        // the operations take turns, so that a machine drifting in speed affects all of them alike
        for (int i = 0; i < measured; i++) {
            for (int o = 0; o < ops.size(); o++) {
                long allocatedStart = threads.getCurrentThreadAllocatedBytes();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                ops.get(o).get();
                wall[o][i] = (System.nanoTime() - wallStart) / 1e6;
                cpu[o][i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                allocated[o] += threads.getCurrentThreadAllocatedBytes() - allocatedStart;
            }
        }
    }
}
