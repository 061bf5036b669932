package io.parley.stack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * CPU time the stack's processes used, by part, read from Linux's /proc: the bench prints it per message for each
 * phase. Throughput on two shared cores varies from run to run; CPU per message says which part got cheaper or dearer
 * and is steadier. PostgreSQL's backends count for the database they serve (ingest's and routing's share the server),
 * and the load generator is this JVM. Where /proc is missing the meter reads nothing and the bench prints no CPU line.
 *
 * <p>Each JVM's JIT compiler threads are also counted apart: on two cores their share was the largest single item of
 * a 500/s run, minutes after start (docs/benchmarks.md, 2026-12-03), and a per-message figure that hides it reads as
 * the services' own cost.
 */
final class CpuMeter {
    private static final Path PROC = Path.of("/proc");
    /** USER_HZ: /proc reports CPU time in ticks of 10 ms on Linux. */
    private static final double MS_PER_TICK = 10.0;

    /** Whole-machine readings kept beside the parts' ticks, from /proc/stat. */
    private static final String MACHINE_ALL = "machine all";

    private static final String MACHINE_IDLE = "machine idle";
    private static final String MACHINE_STEAL = "machine steal";

    private static final String[] PARTS = {
        "routing", "pg-routing", "ingest", "pg-ingest", "metrics", "pg-metrics", "pg-other", "kafka", "generator"
    };

    /** The parts that are JVMs, whose compiler threads are counted apart. */
    private static final String[] JVMS = {"routing", "ingest", "metrics", "kafka", "generator"};

    private static final Set<String> JVM_PARTS = Set.of(JVMS);

    /** The key under which a JVM part's compiler-thread ticks are kept (they are inside the part's own ticks too). */
    private static String jit(String part) {
        return part + " jit";
    }

    /** CPU ticks used so far, by part. */
    static Map<String, Long> read() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String part : PARTS) {
            ticks.put(part, 0L);
        }
        if (!Files.isDirectory(PROC)) {
            return ticks;
        }
        machine(ticks);
        long self = ProcessHandle.current().pid();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        String part = part(p, self);
                        if (part != null) {
                            ticks.merge(part, ticks(p), Long::sum);
                            if (JVM_PARTS.contains(part)) {
                                ticks.merge(jit(part), compilerTicks(p), Long::sum);
                            }
                        }
                    });
        } catch (IOException e) {
            // A process that ended while listing: the next reading counts without it.
        }
        return ticks;
    }

    /** "routing 1.92 ms, postgres 0.81 ms, ..." of CPU per message between two readings. */
    static String perMessage(Map<String, Long> before, Map<String, Long> after, long messages) {
        if (messages <= 0 || after.values().stream().allMatch(t -> t == 0)) {
            return "";
        }
        return "CPU per message (ms): " + perMessage(PARTS, Function.identity(), before, after, messages)
                + "; of which JIT compiler threads: " + perMessage(JVMS, CpuMeter::jit, before, after, messages)
                + machineShare(before, after);
    }

    /** "a 0.10, b 0.20; all 0.30": each part's ticks under {@code key}, per message. */
    private static String perMessage(
            String[] parts,
            Function<String, String> key,
            Map<String, Long> before,
            Map<String, Long> after,
            long messages) {
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (String part : parts) {
            String k = key.apply(part);
            double ms = (after.getOrDefault(k, 0L) - before.getOrDefault(k, 0L)) * MS_PER_TICK / messages;
            total += ms;
            line.append(line.length() == 0 ? "" : ", ").append(String.format("%s %.2f", part, ms));
        }
        return String.format("%s; all %.2f", line, total);
    }

    /**
     * The machine's idle and stolen time from /proc/stat's first line. On a virtual machine the hypervisor may run
     * another guest on "our" cores (steal): the same code then gets less CPU, which a run's numbers cannot otherwise
     * tell from a slower build.
     */
    private static void machine(Map<String, Long> ticks) {
        try {
            String[] cpu =
                    Files.readAllLines(PROC.resolve("stat")).get(0).trim().split(" +");
            long all = 0;
            // user nice system idle iowait irq softirq steal (guest time is already inside user)
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                all += Long.parseLong(cpu[i]);
            }
            ticks.put(MACHINE_ALL, all);
            ticks.put(MACHINE_IDLE, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]));
            ticks.put(MACHINE_STEAL, cpu.length > 8 ? Long.parseLong(cpu[8]) : 0L);
        } catch (IOException | RuntimeException e) {
            // No machine line: the bench prints the parts only.
        }
    }

    private static String machineShare(Map<String, Long> before, Map<String, Long> after) {
        if (!after.containsKey(MACHINE_ALL) || !before.containsKey(MACHINE_ALL)) {
            return "";
        }
        double all = after.get(MACHINE_ALL) - before.get(MACHINE_ALL);
        if (all <= 0) {
            return "";
        }
        return String.format(
                "; cores idle %.0f %%, stolen by the hypervisor %.0f %%",
                100 * (after.get(MACHINE_IDLE) - before.get(MACHINE_IDLE)) / all,
                100 * (after.get(MACHINE_STEAL) - before.get(MACHINE_STEAL)) / all);
    }

    private static String part(Path process, long self) {
        try {
            if (Long.parseLong(process.getFileName().toString()) == self) {
                return "generator";
            }
            String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
            if (command.contains("parley.part=routing-service")) return "routing";
            if (command.contains("parley.part=ingest-service")) return "ingest";
            if (command.contains("parley.part=metrics-service")) return "metrics";
            if (command.contains("kafka.Kafka")) return "kafka";
            String name = Files.readString(process.resolve("comm")).trim();
            if (!name.equals("postgres")) return null;
            // A backend's title names its database ("postgres: postgres routing 127.0.0.1(40112) idle"); the
            // server's own processes (checkpointer, WAL writer, autovacuum launcher) count as pg-other.
            String[] title = command.replace('\0', ' ').trim().split(" +");
            if (title.length > 2 && title[2].equals("routing")) return "pg-routing";
            if (title.length > 2 && title[2].equals("ingest")) return "pg-ingest";
            if (title.length > 2 && title[2].equals("metrics")) return "pg-metrics";
            return "pg-other";
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * utime + stime of the process's "C1 CompilerThre…" and "C2 CompilerThre…" threads (HotSpot's JIT). On two cores
     * HotSpot keeps one of each for the JVM's life; a compiler thread it added under load and ended between two
     * readings would take its ticks with it.
     */
    private static long compilerTicks(Path process) {
        long sum = 0;
        try (Stream<Path> threads = Files.list(process.resolve("task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim();
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        sum += ticks(thread);
                    }
                } catch (IOException e) {
                    // A compiler thread that ended meanwhile (HotSpot adds and removes them with the load).
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended while listing its threads: what was summed so far is all there is.
        }
        return sum;
    }

    /**
     * utime + stime of a process (its threads included) or of one thread, fields 14 and 15 of /proc/[pid]/stat or
     * /proc/[pid]/task/[tid]/stat.
     */
    private static long ticks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
