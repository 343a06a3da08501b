package org.sched4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws schedules (or any per-step series) as a PNG line chart with XChart. */
final class Charts {
    /** One named line. */
    record Series(String name, double[] x, double[] y) {
    }

    private Charts() {
    }

    static void writePng(Path file, String title, String yTitle, List<Series> series) {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle("step")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(series.size() > 1);
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        for (Series s : series) {
            XYSeries line = chart.addSeries(s.name(), s.x(), s.y());
            line.setMarker(SeriesMarkers.NONE);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new CliException("--out: cannot write " + file + ": " + e.getMessage());
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
