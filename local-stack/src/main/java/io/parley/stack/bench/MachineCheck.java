package io.parley.stack.bench;

import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * Fixed pieces of CPU work timed on one core, then on both at once, before the stack starts: a bench's numbers are
 * only comparable between machines (or one machine at different times) that do this work in about the same time. On
 * 2026-12-02 the same code ran at ~1.5x the CPU per message, and for a while two busy vCPUs did not give two cores'
 * worth of work while the kernel counted almost no steal: this line shows such a state at the top of a run. It is one
 * reading, taken before the run; a neighbour can come and go during it.
 *
 * <p>Two kinds of work, because they suffer differently from a neighbour on the same physical core: a chain of
 * register operations, and a walk through 16 MiB in random order (waiting on memory, as object-heavy service code
 * does).
 */
final class MachineCheck {
    private static final long REGISTER_ROUNDS = 400_000_000L;
    private static final int WALK_SLOTS = 1 << 22;
    private static final long WALK_STEPS = 10_000_000L;

    private static volatile long sink;

    private MachineCheck() {}

    /** One line: milliseconds of each work alone, and of each of two copies at once. */
    static String run() throws Exception {
        int[] next = cycle(WALK_SLOTS);
        return "machine check: "
                + timed("register loop", () -> registers(REGISTER_ROUNDS))
                + "; " + timed("memory walk", () -> walk(next, WALK_STEPS));
    }

    private static String timed(String name, LongSupplier work) throws Exception {
        sink = work.getAsLong(); // compiled before it is timed
        long alone = millis(work);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Long> first = two.submit((Callable<Long>) () -> millis(work));
            Future<Long> second = two.submit((Callable<Long>) () -> millis(work));
            long a = first.get();
            long b = second.get();
            return String.format(
                    "%s %d ms on one core, %d / %d ms each on two at once (%.2fx)",
                    name, alone, a, b, (a + b) / 2.0 / alone);
        } finally {
            two.shutdownNow();
        }
    }

    private static long millis(LongSupplier work) {
        long start = System.nanoTime();
        // Kept where the JIT cannot see it unused, so the work is not dropped as dead code.
        sink = work.getAsLong();
        return (System.nanoTime() - start) / 1_000_000L;
    }

    /** xorshift steps: a dependency chain on registers, no memory traffic. */
    private static long registers(long rounds) {
        long x = 88172645463325252L;
        for (long i = 0; i < rounds; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** One random cycle through all slots (Sattolo's shuffle): each step's load depends on the one before. */
    private static int[] cycle(int slots) {
        int[] next = new int[slots];
        for (int i = 0; i < slots; i++) {
            next[i] = i;
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = slots - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int swap = next[i];
            next[i] = next[j];
            next[j] = swap;
        }
        return next;
    }

    private static long walk(int[] next, long steps) {
        int at = 0;
        for (long i = 0; i < steps; i++) {
            at = next[at];
        }
        return at;
    }
}
