package org.sched4j.cli;

import java.io.PrintStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.sched4j.dl4j.AppliedRates;

/** A one-line progress bar on stderr: epoch, bar, loss and the learning rate, redrawn about 40 times a run. */
final class ProgressBar extends BaseTrainingListener {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final int firstEpoch;
    private final int epochs;
    private final int total;
    private int done;
    private int drawn = -1;
    private double lr = Double.NaN;
    private int longest;

    ProgressBar(PrintStream err, int firstEpoch, int epochs, int iterationsPerEpoch) {
        this.err = err;
        this.firstEpoch = firstEpoch;
        this.epochs = epochs;
        this.total = Math.max(1, epochs * iterationsPerEpoch);
    }

    @Override
    public void onGradientCalculation(Model model) {
        lr = AppliedRates.next(model).get(0).learningRate();
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        done++;
        int step = done * 40 / total;
        if (step != drawn || done == total) {
            drawn = step;
            int filled = done * WIDTH / total;
            String line = String.format("epoch %d/%d [%s%s] %3d%%  loss %.4f  lr %.5g", epoch - firstEpoch + 1,
                    epochs, "#".repeat(filled), " ".repeat(WIDTH - filled), done * 100 / total, model.score(), lr);
            err.print("\r" + line + " ".repeat(Math.max(0, longest - line.length())));
            longest = Math.max(longest, line.length());
            if (done == total) {
                err.println();
            }
            err.flush();
        }
    }
}
