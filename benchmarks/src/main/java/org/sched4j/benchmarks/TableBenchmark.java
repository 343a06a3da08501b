package org.sched4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sched4j.catalog.Schedules;
import org.sched4j.schedule.Schedule;

/**
 * A whole schedule as one float32 table of 10,000,000 steps (a 1,000-step linear warmup, then cosine decay to
 * 0), each written into a preallocated array: our vectorized table, against the scalar loop a user writes
 * without it and the memory-bandwidth floor
 * (one constant assigned into a preallocated array of the same size), with a hand-fused loop for this one
 * schedule beside them as a bound.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=12g",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=16g"})
public class TableBenchmark {
    static final int STEPS = 10_000_000;
    static final int WARMUP_STEPS = 1_000;
    static final double PEAK = 0.1;

    Schedule schedule;
    float[] values;
    INDArray table;
    INDArray floor;
    FusedCosineLoop fused;
    INDArray fusedTable;

    @Setup
    public void setUp() {
        schedule = Schedules.warmupCosine(PEAK, WARMUP_STEPS, STEPS - WARMUP_STEPS, 0.0);
        values = new float[STEPS];
        floor = Nd4j.createUninitialized(DataType.FLOAT, STEPS);
        table = Nd4j.createUninitialized(DataType.FLOAT, STEPS);
        schedule.table(0, table);
        fused = new FusedCosineLoop(PEAK, WARMUP_STEPS, STEPS - WARMUP_STEPS);
        fusedTable = fused.fill(Nd4j.createUninitialized(DataType.FLOAT, STEPS));
        requireValueAt("the fused loop", fusedTable);
        requireValueAt("the table", table);
    }

    /**
     * Fails the setup unless every step of {@code values} is within the float32 tolerance (2e-6 relative) of
     * {@code valueAt}, give or take valueAt's own error near the end of the decay: 1 + cos(θ) loses its digits
     * as cos(θ) nears -1, an absolute error of about peak * 2^-53 (the fused loop's cos²(θ/2) does not).
     */
    private void requireValueAt(String what, INDArray values) {
        double absolute = 4 * PEAK * Math.ulp(1.0);
        for (int i = 0; i < STEPS; i++) {
            double expected = schedule.valueAt(i, 0);
            if (!(Math.abs(values.getFloat(i) - expected) <= 2e-6 * Math.abs(expected) + absolute)) {
                throw new IllegalStateException(what + " differs from valueAt at step " + i);
            }
        }
    }

    /** The table into a preallocated array, as the floor and the loop write theirs. */
    @Benchmark
    public INDArray sched4jTable() {
        return schedule.table(0, table);
    }

    @Benchmark
    public float[] scalarLoop() {
        float[] out = values;
        Schedule s = schedule;
        for (int i = 0; i < STEPS; i++) {
            out[i] = (float) s.valueAt(i, 0);
        }
        return out;
    }

    /**
     * A bound, no target: the loop written by hand for this one schedule ({@link FusedCosineLoop}), what the
     * table evaluator would cost with nothing to work out.
     */
    @Benchmark
    public INDArray fusedLoop() {
        return fused.fill(fusedTable);
    }

    @Benchmark
    public INDArray fillFloor() {
        return floor.assign(0.5f);
    }
}
