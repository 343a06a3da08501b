package org.sched4j.benchmarks;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.schedule.CycleSchedule;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.SigmoidSchedule;
import org.nd4j.linalg.schedule.StepSchedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.sched4j.dialect.dl4j.Dl4j;

/**
 * {@code valueAt} of a sched4j schedule against DL4J's built-in class with equal parameters, over the same
 * precomputed varied iterations (the call a DL4J updater makes once per layer and iteration); the score is
 * the time of one call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
public class ScalarBenchmark {
    /** Calls per benchmark invocation: iterations visited in one pass. */
    static final int CALLS = 4096;
    /** The iterations are drawn from {@code [0, RANGE)}. */
    static final int RANGE = 200_000;
    /** Milestones of {@code piecewise10k}, spread evenly over the range. */
    static final int MILESTONES = 10_000;

    @Param({"exponential", "step", "poly", "inverse", "sigmoid", "cycle", "piecewise10k"})
    public String kind;

    ISchedule ours;
    ISchedule dl4j;
    int[] iterations;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        iterations = new int[CALLS];
        for (int i = 0; i < CALLS; i++) {
            iterations[i] = random.nextInt(RANGE);
        }
        ScheduleType it = ScheduleType.ITERATION;
        switch (kind) {
            case "exponential" -> {
                dl4j = new ExponentialSchedule(it, 0.1, 0.99995);
                ours = Dl4j.exponential(0.1, 0.99995);
            }
            case "step" -> {
                dl4j = new StepSchedule(it, 0.1, 0.5, 7000);
                ours = Dl4j.step(0.1, 0.5, 7000);
            }
            case "poly" -> {
                dl4j = new PolySchedule(it, 0.1, 2.0, RANGE);
                ours = Dl4j.poly(0.1, 2.0, RANGE);
            }
            case "inverse" -> {
                dl4j = new InverseSchedule(it, 0.1, 0.001, 0.75);
                ours = Dl4j.inverse(0.1, 0.001, 0.75);
            }
            case "sigmoid" -> {
                dl4j = new SigmoidSchedule(it, 0.1, 0.0001, RANGE / 2);
                ours = Dl4j.sigmoid(0.1, 0.0001, RANGE / 2);
            }
            case "cycle" -> {
                dl4j = new CycleSchedule(it, 0.01, 0.1, 20_000, 2_000, 0.1);
                ours = Dl4j.cycle(0.01, 0.1, 20_000, 2_000, 0.1);
            }
            case "piecewise10k" -> {
                SplittableRandom values = new SplittableRandom(7);
                Map<Integer, Double> map = new TreeMap<>();
                for (int m = 0; m < MILESTONES; m++) {
                    map.put(m * (RANGE / MILESTONES), values.nextDouble());
                }
                dl4j = new MapSchedule(it, map);
                ours = Dl4j.map(map);
            }
            default -> throw new IllegalArgumentException("kind: unknown " + kind);
        }
        Agreement.require(kind, ours, dl4j, iterations);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void sched4j(Blackhole bh) {
        ISchedule s = ours;
        for (int i : iterations) {
            bh.consume(s.valueAt(i, 0));
        }
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void dl4j(Blackhole bh) {
        ISchedule s = dl4j;
        for (int i : iterations) {
            bh.consume(s.valueAt(i, 0));
        }
    }
}
