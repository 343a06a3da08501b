package org.sched4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sched4j.dl4j.PngCharts;
import org.sched4j.schedule.Schedule;
import org.sched4j.spec.SpecException;

/** {@code sched4j plot}: several schedules on one PNG chart. */
final class PlotCommand {
    private static final Set<String> FLAGS = Set.of("--spec", "--steps", "--out");

    private PlotCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Options o = Options.parse("plot", args, FLAGS);
        List<String> specs = o.all("--spec");
        if (specs.isEmpty()) {
            throw new CliException("--spec: is required (give it once per schedule)");
        }
        int steps = (int) o.integer("--steps", -1, 1, 1_000_000);
        if (steps < 0) {
            throw new CliException("--steps: is required");
        }
        Path file = Path.of(o.required("--out"));
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new CliException("--out: must name a .png file (got '" + file + "')");
        }
        List<PngCharts.Series> series = new ArrayList<>();
        double[] x = Charts.steps(0, steps);
        for (int i = 0; i < specs.size(); i++) {
            Schedule s;
            try {
                s = Schedule.parse(Options.textOrFile("--spec", specs.get(i)));
            } catch (SpecException e) {
                throw new CliException("--spec #" + (i + 1) + ": " + e.getMessage());
            }
            series.add(new PngCharts.Series((i + 1) + ": " + s.type().name(), x, Backend.SCALAR.values(s, 0, steps,
                    false)));
        }
        Charts.writePng(file, "schedules", "value", series);
        out.println("wrote " + file);
        return 0;
    }
}
