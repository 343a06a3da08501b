package org.sched4j.benchmarks;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sched4j.catalog.Schedules;
import org.sched4j.samediff.optim.GraphTraining;
import org.sched4j.schedule.Schedule;

/**
 * The schedule as SameDiff ops: {@code sd.output} of the warmup + cosine subgraph on a scalar step (as {@code
 * toGraph} builds it: a table gather, since the schedule is constant after 100,000 steps; and as the formula)
 * against a one-op graph on a scalar (SameDiff's fixed cost per call), with two bounds beside them (two
 * scalar ops, and the table's gather alone), and one in-graph training iteration of
 * a small MLP (Adam) with a fixed rate against the same iteration with the in-graph schedule.
 *
 * <p>The training steps are sampled one by one and scored by their median (see {@code Ratios}): their
 * garbage-collection pauses make the mean move by more than the schedule costs. The forks use the parallel
 * collector with a small young generation: many short pauses instead of G1's rare long ones.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Xmn128m", "-XX:+UseParallelGC"})
public class GraphBenchmark {
    static final Schedule SCHEDULE = Schedules.warmupCosine(0.01, 1_000, 99_000, 0.0);
    static final int BATCH = 32;
    static final int HIDDEN = 64;

    SameDiff oneOpGraph;
    SameDiff twoOpsGraph;
    SameDiff gatherGraph;
    SameDiff scheduleGraph;
    SameDiff formulaGraph;
    String oneOpOutput;
    String twoOpsOutput;
    String gatherOutput;
    String scheduleOutput;
    String formulaOutput;
    INDArray[] scalars;
    INDArray[] steps;
    int next;
    long calls;

    GraphTraining fixed;
    GraphTraining scheduled;
    Map<String, INDArray> batch;

    @Setup
    public void setUp() {
        oneOpGraph = SameDiff.create();
        SDVariable x = oneOpGraph.placeHolder("x", DataType.FLOAT);
        oneOpOutput = x.add("out", 1.0).name();
        twoOpsGraph = SameDiff.create();
        twoOpsOutput = twoOpsGraph.placeHolder("x", DataType.FLOAT).add(1.0).add("out", 1.0).name();
        gatherGraph = SameDiff.create();
        gatherOutput = gatherGraph.gather(gatherGraph.constant(SCHEDULE.table(0, 100_001, DataType.FLOAT)),
                gatherGraph.placeHolder("step", DataType.INT64), 0).name();

        scheduleGraph = SameDiff.create();
        SDVariable step = scheduleGraph.placeHolder("step", DataType.INT64);
        scheduleOutput = SCHEDULE.toGraph(scheduleGraph, step, DataType.FLOAT).name();
        formulaGraph = SameDiff.create();
        formulaOutput = SCHEDULE.toGraphFormula(formulaGraph, formulaGraph.placeHolder("step", DataType.INT64),
                DataType.FLOAT).name();

        Random r = new Random(3);
        scalars = new INDArray[16];
        steps = new INDArray[16];
        for (int i = 0; i < steps.length; i++) {
            long s = r.nextInt(100_000);
            scalars[i] = Nd4j.scalar((float) s);
            steps[i] = Nd4j.scalar(s);
            double expected = SCHEDULE.value(s);
            for (SameDiff g : new SameDiff[] {scheduleGraph, formulaGraph}) {
                String out = g == scheduleGraph ? scheduleOutput : formulaOutput;
                double got = g.output(Map.of("step", steps[i]), out).get(out).getDouble(0);
                if (!(Math.abs(got - expected) <= 2e-6 * Math.abs(expected) + 1e-12)) {
                    throw new IllegalStateException("graph differs from valueAt at step " + s);
                }
            }
        }

        fixed = GraphTraining.create(Mlp.model(BATCH, HIDDEN, 5), new Adam(0.01));
        scheduled = GraphTraining.create(Mlp.model(BATCH, HIDDEN, 5), new Adam(SCHEDULE));
        batch = Mlp.batch(BATCH, 11);
    }

    /**
     * The next precomputed input. Every 1,024 calls the graphs' cached inference sessions are dropped, on both
     * sides alike: SameDiff 1.0.0-M2.1 grows them by about 16 KB per {@code output} call of a multi-op graph,
     * which would otherwise turn the measurement into one of the garbage collector (the schedule's score
     * rose from 0.3 to 10 ms within a fork before this).
     */
    private int nextIndex() {
        next = (next + 1) & 15;
        if (++calls % 1024 == 0) {
            oneOpGraph.getSessions().clear();
            twoOpsGraph.getSessions().clear();
            gatherGraph.getSessions().clear();
            scheduleGraph.getSessions().clear();
            formulaGraph.getSessions().clear();
        }
        return next;
    }

    @Benchmark
    public INDArray oneOp() {
        return oneOpGraph.output(Map.of("x", scalars[nextIndex()]), oneOpOutput).get(oneOpOutput);
    }

    @Benchmark
    public INDArray schedule() {
        return scheduleGraph.output(Map.of("step", steps[nextIndex()]), scheduleOutput).get(scheduleOutput);
    }

    /**
     * A bound, no target: two of SameDiff's cheapest ops (scalar adds, as in {@link #oneOp}) chained. A
     * schedule that clamps its step and then reads a value needs at least two ops.
     */
    @Benchmark
    public INDArray twoOps() {
        return twoOpsGraph.output(Map.of("x", scalars[nextIndex()]), twoOpsOutput).get(twoOpsOutput);
    }

    /**
     * A bound, no target: the table lookup alone, one {@code gather} from the schedule's 100,001 values at a
     * step known to be in range (what {@link #schedule} does after clamping the step).
     */
    @Benchmark
    public INDArray gatherOnly() {
        return gatherGraph.output(Map.of("step", steps[nextIndex()]), gatherOutput).get(gatherOutput);
    }

    /** The same schedule as the formula's ops ({@code toGraphFormula}): what {@code toGraph} avoids. */
    @Benchmark
    public INDArray scheduleFormula() {
        return formulaGraph.output(Map.of("step", steps[nextIndex()]), formulaOutput).get(formulaOutput);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 10, time = 2)
    public long trainStep() {
        fixed.step(batch);
        return fixed.globalStep().get();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 10, time = 2)
    public long trainStepWithSchedule() {
        scheduled.step(batch);
        return scheduled.globalStep().get();
    }

    /**
     * The two training steps side by side: one thread steps the fixed-rate graph while the other steps the
     * scheduled one, in one JVM, so both meet the same collections and JIT state (the two methods above run
     * in different forks).
     */
    @Benchmark
    @Group("pairedTraining")
    @GroupThreads(1)
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 10, time = 2)
    public long pairedTrainStep() {
        return trainStep();
    }

    /** The other half of {@link #pairedTrainStep}. */
    @Benchmark
    @Group("pairedTraining")
    @GroupThreads(1)
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 10, time = 2)
    public long pairedTrainStepWithSchedule() {
        return trainStepWithSchedule();
    }
}
