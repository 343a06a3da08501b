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
    /**
     * Sets the x range to whole multiples of a 1-2-5 step. Left to itself, XChart puts a tick on every k-th
     * data point of equally spaced integer steps (0, 13, 26, ...), crowding the labels.
     */
    private static void niceXRange(XYChart chart, List<Series> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.x()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(max > min) || Double.isInfinite(max - min)) {
            return;
        }
        double raw = (max - min) / 8;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw <= magnitude ? 1 : raw <= 2 * magnitude ? 2 : raw <= 5 * magnitude ? 5 : 10);
        double bottom = Math.floor(min / step) * step;
        double top = Math.ceil(max / step) * step;
        if (top - max < 0.02 * (top - bottom)) {
            top += step;   // an axis ending (almost) at the last point brings XChart's per-point ticks back
        }
        chart.getStyler().setXAxisMin(bottom);
        chart.getStyler().setXAxisMax(top);
    }

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
        niceXRange(chart, series);
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
