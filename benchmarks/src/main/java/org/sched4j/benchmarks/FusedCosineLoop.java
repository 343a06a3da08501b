package org.sched4j.benchmarks;

import java.nio.FloatBuffer;
import java.util.concurrent.ForkJoinTask;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A bound for {@link TableBenchmark}: the one loop a person would write by hand for exactly the benchmark's
 * schedule (linear warmup, then {@code peak * cos²(θ/2)} with the cosines by angle addition), fused into one
 * pass per 512 steps, on the same two threads, written into the array's memory the way the table evaluator
 * writes. It knows the schedule in advance; the evaluator has to work it out from the definition.
 */
final class FusedCosineLoop {
    private static final int BLOCK = 512;

    private final double peak;
    private final long warmup;
    private final double halfAngle;
    private final double[] cos = new double[BLOCK];
    private final double[] sin = new double[BLOCK];

    /** The values of a {@code warmup}-step linear warmup to {@code peak}, then a cosine decay to 0. */
    FusedCosineLoop(double peak, long warmup, long decay) {
        this.peak = peak;
        this.warmup = warmup;
        this.halfAngle = Math.PI / (2.0 * decay);
        for (int j = 0; j < BLOCK; j++) {
            cos[j] = Math.cos(halfAngle * j);
            sin[j] = Math.sin(halfAngle * j);
        }
    }

    /** Writes steps {@code 0 .. out.length() - 1} into {@code out}, a contiguous FLOAT vector on the CPU. */
    INDArray fill(INDArray out) {
        long n = out.length();
        long half = n / 2 / BLOCK * BLOCK;
        ForkJoinTask<?> second = ForkJoinTask.adapt(() -> fill(out, half, n)).fork();
        fill(out, 0, half);
        second.join();
        return out;
    }

    private void fill(INDArray out, long from, long to) {
        FloatBuffer window = new FloatPointer(out.data().addressPointer()).position(from).limit(to).asBuffer();
        float[] block = new float[BLOCK];
        for (long s = from; s < to; s += BLOCK) {
            int n = (int) Math.min(BLOCK, to - s);
            if (s < warmup) {
                for (int j = 0; j < n; j++) {
                    long step = s + j;
                    block[j] = (float) (step < warmup ? peak * step / warmup : value(step));
                }
            } else {
                double angle = halfAngle * (s - warmup);
                double c0 = Math.cos(angle);
                double s0 = Math.sin(angle);
                for (int j = 0; j < n; j++) {
                    double c = c0 * cos[j] - s0 * sin[j];
                    block[j] = (float) (peak * c * c);
                }
            }
            window.put((int) (s - from), block, 0, n);
        }
    }

    private double value(long step) {
        double c = Math.cos(halfAngle * (step - warmup));
        return peak * c * c;
    }
}
