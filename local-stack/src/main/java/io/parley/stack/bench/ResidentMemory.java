package io.parley.stack.bench;

import io.parley.stack.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What each service's process holds in RAM, from Linux's /proc/&lt;pid&gt;/status: resident now (VmRSS) and at its peak
 * (VmHWM), which is what a container's memory limit must cover.
 */
final class ResidentMemory {
    private ResidentMemory() {}

    static String report(List<ManagedProcess> processes) {
        StringBuilder report = new StringBuilder("resident memory (MiB, now / peak):");
        for (ManagedProcess process : processes) {
            report.append(String.format(
                    " %s %d / %d;", process.name(), kib(process, "VmRSS") / 1024, kib(process, "VmHWM") / 1024));
        }
        return report.toString();
    }

    private static long kib(ManagedProcess process, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
