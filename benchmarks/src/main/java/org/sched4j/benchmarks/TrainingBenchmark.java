package org.sched4j.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sched4j.catalog.Schedules;

/**
 * One {@code MultiLayerNetwork.fit} minibatch on Iris-sized data (150 examples, 4 features, 3 classes), the
 * Adam learning rate from DL4J's {@code FixedSchedule} against our warmup + cosine: what the schedule costs a
 * DL4J training step.
 *
 * <p>A DL4J step's garbage collection (its arrays' off-heap memory is released through reference processing)
 * comes in pauses of tens to hundreds of milliseconds, so each step is sampled and scored by its median (see
 * {@code Ratios}), the forks use the parallel collector with a small young generation (many short pauses;
 * G1 stalled whole 2 s windows at 10-80 ms per step), and the warmup runs 20 s: a step still takes 2-6 ms
 * for the first 10 s while the JIT compiles DL4J. Each iteration starts from a full collection: without it
 * the steps slow down by up to 40% as the old generation fills with arrays awaiting release, then recover
 * at the next full collection, and the two methods (measured in different forks) meet that sawtooth at
 * different phases.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 20, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Xmn128m", "-XX:+UseParallelGC"})
public class TrainingBenchmark {
    static final int EXAMPLES = 150;

    MultiLayerNetwork fixed;
    MultiLayerNetwork scheduled;
    DataSet data;

    @Setup
    public void setUp() {
        fixed = network(new FixedSchedule(0.01));
        scheduled = network(Schedules.warmupCosine(0.01, 1_000, 99_000, 0.0));
        Random r = new Random(5);
        float[] x = new float[EXAMPLES * 4];
        float[] y = new float[EXAMPLES * 3];
        for (int i = 0; i < EXAMPLES; i++) {
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = (float) r.nextGaussian();
            }
            y[i * 3 + r.nextInt(3)] = 1f;
        }
        INDArray features = Nd4j.createFromArray(x).reshape(EXAMPLES, 4);
        INDArray labels = Nd4j.createFromArray(y).reshape(EXAMPLES, 3);
        data = new DataSet(features, labels);
    }

    private static MultiLayerNetwork network(ISchedule learningRate) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(12).dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER).updater(new Adam(learningRate)).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Every iteration starts from the same heap: see the class comment. */
    @Setup(Level.Iteration)
    public void collect() {
        System.gc();
    }

    @Benchmark
    public double fixedSchedule() {
        fixed.fit(data);
        return fixed.score();
    }

    @Benchmark
    public double sched4jSchedule() {
        scheduled.fit(data);
        return scheduled.score();
    }

    /**
     * The same two steps measured side by side: one thread fits the fixed-rate network while the other fits
     * ours, in one JVM, so both meet the same collections and the same JIT state (the methods above run in
     * different forks, which differ from each other by up to 40%).
     */
    @Benchmark
    @Group("paired")
    @GroupThreads(1)
    public double pairedFixed() {
        return fixedSchedule();
    }

    /** The other half of {@link #pairedFixed}. */
    @Benchmark
    @Group("paired")
    @GroupThreads(1)
    public double pairedSched4j() {
        return sched4jSchedule();
    }
}
