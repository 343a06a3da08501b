package org.sched4j.benchmarks;

import java.nio.FloatBuffer;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A bound for {@link TableBenchmark}: the one loop a person would write by hand for exactly the benchmark's
 * schedule (linear warmup, then {@code peak * cos²(θ/2)} with the cosines by angle addition in float32, as
 * the values are float32), fused into one pass per 1,024 steps (the table evaluator's block), on the same
 * two threads taking 64K-step chunks in turn, written into the array's memory the way the table evaluator
 * writes. It knows the schedule in advance; the evaluator has to work it out from the definition.
 */
final class FusedCosineLoop {
    private static final int BLOCK = 1024;
    private static final int CHUNK = 1 << 16;

    private final double peak;
    private final long warmup;
    private final double halfAngle;
    private final float[] cos = new float[BLOCK];
    private final float[] sin = new float[BLOCK];

    /** The values of a {@code warmup}-step linear warmup to {@code peak}, then a cosine decay to 0. */
    FusedCosineLoop(double peak, long warmup, long decay) {
        this.peak = peak;
        this.warmup = warmup;
        this.halfAngle = Math.PI / (2.0 * decay);
        for (int j = 0; j < BLOCK; j++) {
            cos[j] = (float) Math.cos(halfAngle * j);
            sin[j] = (float) Math.sin(halfAngle * j);
        }
    }

    /** Writes steps {@code 0 .. out.length() - 1} into {@code out}, a contiguous FLOAT vector on the CPU. */
    INDArray fill(INDArray out) {
        AtomicLong next = new AtomicLong();
        ForkJoinTask<?> helper = ForkJoinTask.adapt(() -> drain(out, next)).fork();
        drain(out, next);
        helper.join();
        return out;
    }

    /** Takes the next {@link #CHUNK} steps until none is left (as the table evaluator shares its work). */
    private void drain(INDArray out, AtomicLong next) {
        long n = out.length();
        FloatBuffer window = new FloatPointer(out.data().addressPointer()).limit(n).asBuffer();
        float[] block = new float[BLOCK];
        for (long from = next.getAndAdd(CHUNK); from < n; from = next.getAndAdd(CHUNK)) {
            fill(window, block, from, Math.min(n, from + CHUNK));
        }
    }

    private void fill(FloatBuffer window, float[] block, long from, long to) {
        for (long s = from; s < to; s += BLOCK) {
            int n = (int) Math.min(BLOCK, to - s);
            if (s < warmup) {
                for (int j = 0; j < n; j++) {
                    long step = s + j;
                    block[j] = (float) (step < warmup ? peak * step / warmup : value(step));
                }
            } else {
                double angle = halfAngle * (s - warmup);
                float c0 = (float) Math.cos(angle);
                float s0 = (float) Math.sin(angle);
                float p = (float) peak;
                for (int j = 0; j < n; j++) {
                    float c = c0 * cos[j] - s0 * sin[j];
                    block[j] = p * c * c;
                }
            }
            window.put((int) s, block, 0, n);
        }
    }

    private double value(long step) {
        double c = Math.cos(halfAngle * (step - warmup));
        return peak * c * c;
    }
}
