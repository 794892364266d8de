package io.sops4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares two builds of the benchmarks jar in one JVM: each jar gets its own class loader, and
 * their operations take turns, so that a machine whose speed drifts between runs slows both alike.
 * This is how a change's before and after are measured here; separate JVMs differ by more than
 * most changes do.
 *
 * <p>Usage: {@code BeforeAfterProbe BEFORE_JAR AFTER_JAR FORMAT SIZE WARMUP_OPS MEASURED_OPS OPERATION...}
 * (operations as in {@link CpuTimeProbe}).
 */
public final class BeforeAfterProbe {

    private BeforeAfterProbe() {
    }

    /** One jar's benchmark instance and its operations. */
    private record Build(String name, ClassLoader loader, Object benchmark, List<Method> operations) {

        static Build load(String name, Path jar, String format, String size, List<String> operations) throws Exception {
            ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass(CryptoBenchmark.class.getName());
            Object benchmark = type.getConstructor().newInstance();
            type.getField("format").set(benchmark, format);
            type.getField("size").set(benchmark, size);
            Method prepare = type.getDeclaredMethod("prepare", boolean.class, boolean.class);
            prepare.setAccessible(true);
            Thread.currentThread().setContextClassLoader(loader);
            prepare.invoke(benchmark, true, operations.contains("cryptoFloor"));
            List<Method> methods = new ArrayList<>();
            for (String operation : operations) {
                methods.add(type.getMethod(operation));
            }
            return new Build(name, loader, benchmark, methods);
        }

        void run(int operation) throws Exception {
            Thread.currentThread().setContextClassLoader(loader);
            operations.get(operation).invoke(benchmark);
        }

        /**
         * Runs {@code work} on a thread of this build's {@code DeepStack}, so that the walks of the
         * operations run on it too (instead of on threads of their own, whose CPU time the probe
         * would not see); directly for builds from before it existed.
         */
        void onWalkThread(Runnable work) throws Exception {
            Class<?> deepStack;
            try {
                deepStack = loader.loadClass("io.sops4j.internal.limits.DeepStack");
            } catch (ClassNotFoundException e) {
                work.run();
                return;
            }
            deepStack.getMethod("run", Runnable.class).invoke(null, work);
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> operations = List.of(args).subList(6, args.length);
        List<Build> builds = List.of(
                Build.load("before", Path.of(args[0]), args[2], args[3], operations),
                Build.load("after", Path.of(args[1]), args[2], args[3], operations));
        int warmup = Integer.parseInt(args[4]);
        int measured = Integer.parseInt(args[5]);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            for (Build build : builds) {
                for (int o = 0; o < operations.size(); o++) {
                    build.run(o);
                }
            }
        }
        double[][][] cpu = new double[builds.size()][operations.size()][measured];
        long[][] allocated = new long[builds.size()][operations.size()];
        for (int i = 0; i < measured; i++) {
            for (int o = 0; o < operations.size(); o++) {
                for (int b = 0; b < builds.size(); b++) {
                    int turn = (b + i) % builds.size();
                    int run = i;
                    int operation = o;
                    Build build = builds.get(turn);
                    Exception[] failure = new Exception[1];
                    build.onWalkThread(() -> {
                        long allocatedStart = threads.getCurrentThreadAllocatedBytes();
                        long cpuStart = threads.getCurrentThreadCpuTime();
                        try {
                            build.run(operation);
                        } catch (Exception e) {
                            failure[0] = e;
                        }
                        cpu[turn][operation][run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                        allocated[turn][operation] += threads.getCurrentThreadAllocatedBytes() - allocatedStart;
                    });
                    if (failure[0] != null) {
                        throw failure[0];
                    }
                }
            }
        }
        for (int o = 0; o < operations.size(); o++) {
            double[] medians = new double[builds.size()];
            for (int b = 0; b < builds.size(); b++) {
                double[] sorted = cpu[b][o].clone();
                Arrays.sort(sorted);
                medians[b] = sorted[measured / 2];
                System.out.printf(Locale.ROOT, "BUILD %s format=%s size=%s op=%s n=%d cpuMedianMs=%.2f cpuMinMs=%.2f allocatedMiB=%.1f%n",
                        builds.get(b).name(), args[2], args[3], operations.get(o), measured, medians[b], sorted[0],
                        allocated[b][o] / (double) measured / (1 << 20));
            }
            System.out.printf(Locale.ROOT, "CHANGE format=%s size=%s op=%s after/before=%.3f%n",
                    args[2], args[3], operations.get(o), medians[1] / medians[0]);
        }
    }
}
