package org.sched4j.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.sched4j.dl4j.PngCharts;

/** Draws schedules (or any per-step series) as a PNG line chart (the adapter's {@link PngCharts}). */
final class Charts {
    private Charts() {
    }

    static void writePng(Path file, String title, String yTitle, List<PngCharts.Series> series) {
        try {
            PngCharts.write(file, title, "step", yTitle, series);
        } catch (UncheckedIOException e) {
            throw new CliException("--out: " + e.getMessage());
        }
    }

    static double[] steps(long start, int count) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = start + i;
        }
        return x;
    }
}
