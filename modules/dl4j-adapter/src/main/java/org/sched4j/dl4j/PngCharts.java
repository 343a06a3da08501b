package org.sched4j.dl4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line charts of per-step series written as PNG files with XChart (900 x 500 pixels). */
public final class PngCharts {
    /** One named line. */
    public record Series(String name, double[] x, double[] y) {
    }

    private PngCharts() {
    }

    /**
     * Writes one chart with a legend when there are several lines; creates the parent directories.
     *
     * @throws IllegalArgumentException if the file name does not end in {@code .png}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, String title, String xTitle, String yTitle, List<Series> series) {
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("file: must end in .png (XChart would add it): " + file);
        }
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle(xTitle)
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
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
