package org.sched4j.dialect.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.schedule.CycleSchedule;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.RampSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.SigmoidSchedule;
import org.nd4j.linalg.schedule.StepSchedule;
import org.sched4j.Close;
import org.sched4j.Nd4jBackends;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.Unit;

/**
 * Every {@code dl4j.*} type against DL4J's own {@code valueAt} (ND4J 1.0.0-M2.1) for randomized arguments,
 * converted from DL4J's instances, values worked by hand, and the rejected specs.
 */
class Dl4jDialectTest {
    private static final int LAST = 10_000;
    private static final int DRAWS = 6;
    /** Same operations in the same order: all that may differ is a last-ulp library difference. */
    private static final double REL = 1e-12;

    /** One randomized case: DL4J's schedule and the sched4j schedule its arguments give through {@link Dl4j}. */
    private record Draw(ISchedule dl4j, Schedule expected) {
    }

    private static ScheduleType anyType(Random r) {
        return r.nextBoolean() ? ScheduleType.ITERATION : ScheduleType.EPOCH;
    }

    private static Unit unit(ScheduleType t) {
        return t == ScheduleType.ITERATION ? Unit.ITERATION : Unit.EPOCH;
    }

    private static Draw exponential(Random r) {
        ScheduleType type = anyType(r);
        double init = 0.001 + r.nextDouble();
        double gamma = 0.99 + 0.0105 * r.nextDouble();
        return new Draw(new ExponentialSchedule(type, init, gamma), Dl4j.exponential(init, gamma).withUnit(unit(type)));
    }

    private static Draw step(Random r) {
        ScheduleType type = anyType(r);
        double init = 0.001 + r.nextDouble();
        double rate = 0.1 + 0.9 * r.nextDouble();
        // Whole steps take the exact integer division, fractional ones DL4J's double division.
        double step = r.nextBoolean() ? 1 + r.nextInt(3000) : 0.1 + 700 * r.nextDouble();
        return new Draw(new StepSchedule(type, init, rate, step), Dl4j.step(init, rate, step).withUnit(unit(type)));
    }

    private static Draw inverse(Random r) {
        ScheduleType type = anyType(r);
        double init = 0.001 + r.nextDouble();
        double gamma = 0.01 * r.nextDouble();
        double power = 0.1 + 3 * r.nextDouble();
        return new Draw(new InverseSchedule(type, init, gamma, power),
                Dl4j.inverse(init, gamma, power).withUnit(unit(type)));
    }

    private static Draw poly(Random r) {
        ScheduleType type = anyType(r);
        double init = 0.001 + r.nextDouble();
        double power = 0.1 + 3 * r.nextDouble();
        int maxIter = 1 + r.nextInt(20_000);
        return new Draw(new PolySchedule(type, init, power, maxIter),
                Dl4j.poly(init, power, maxIter).withUnit(unit(type)));
    }

    private static Draw sigmoid(Random r) {
        ScheduleType type = anyType(r);
        double init = 0.001 + r.nextDouble();
        double gamma = 0.1 * (r.nextDouble() - 0.5);
        int stepSize = -1000 + r.nextInt(13_000);
        return new Draw(new SigmoidSchedule(type, init, gamma, stepSize),
                Dl4j.sigmoid(init, gamma, stepSize).withUnit(unit(type)));
    }

    private static Draw map(Random r) {
        ScheduleType type = anyType(r);
        MapSchedule.Builder b = new MapSchedule.Builder(type);
        Map<Integer, Double> values = new TreeMap<>();
        int n = r.nextInt(10);
        for (int i = 0; i <= n; i++) {
            int key = i == 0 ? 0 : 1 + r.nextInt(LAST);
            double v = r.nextDouble();
            b.add(key, v);
            values.put(key, v);
        }
        return new Draw(b.build(), Dl4j.map(values).withUnit(unit(type)));
    }

    private static Draw cycle(Random r) {
        ScheduleType type = anyType(r);
        int cycleLength = 1 + r.nextInt(r.nextBoolean() ? 20 : 5000);
        if (r.nextInt(4) == 0) {
            // DL4J's short form: a tenth of the maximum, round(cycleLength / 10) annealing steps, decay 0.1.
            double max = r.nextDouble();
            return new Draw(new CycleSchedule(type, max, cycleLength),
                    Dl4j.cycle(max, cycleLength).withUnit(unit(type)));
        }
        int annealingLength = r.nextInt(cycleLength + 1);
        double init = 0.1 * r.nextDouble();
        double max = r.nextDouble(); // 1.0.0-M2.1 accepts max < initial: the triangle then points down
        double decay = 0.01 + 0.99 * r.nextDouble();
        return new Draw(new CycleSchedule(type, init, max, cycleLength, annealingLength, decay),
                Dl4j.cycle(init, max, cycleLength, annealingLength, decay).withUnit(unit(type)));
    }

    private static Draw ramp(Random r) {
        // DL4J's ramp always counts iterations, so its base must too (a Fixed base counts nothing).
        Draw base = switch (r.nextInt(4)) {
            case 0 -> fixed(r);
            case 1 -> withType(exponential(r), ScheduleType.ITERATION);
            case 2 -> withType(cycle(r), ScheduleType.ITERATION);
            default -> withType(step(r), ScheduleType.ITERATION);
        };
        int numIter = 1 + r.nextInt(12_000);
        return new Draw(new RampSchedule(base.dl4j(), numIter), Dl4j.ramp(base.expected(), numIter));
    }

    private static Draw withType(Draw d, ScheduleType type) {
        if (type == ScheduleType.ITERATION && d.expected().unit() == Unit.ITERATION) {
            return d;
        }
        ISchedule s = d.dl4j();
        if (s instanceof ExponentialSchedule e) {
            return new Draw(new ExponentialSchedule(type, e.getInitialValue(), e.getGamma()),
                    d.expected().withUnit(unit(type)));
        }
        if (s instanceof StepSchedule e) {
            return new Draw(new StepSchedule(type, e.getInitialValue(), e.getDecayRate(), e.getStep()),
                    d.expected().withUnit(unit(type)));
        }
        CycleSchedule e = (CycleSchedule) s;
        return new Draw(new CycleSchedule(type, e.getInitialLearningRate(), e.getMaxLearningRate(), e.getCycleLength(),
                e.getAnnealingLength(), e.getAnnealingDecay()), d.expected().withUnit(unit(type)));
    }

    private static Draw fixed(Random r) {
        double v = r.nextDouble();
        return new Draw(new FixedSchedule(v), Dl4j.fixed(v));
    }

    private static final Map<String, Function<Random, Draw>> TYPES = Map.of("dl4j.Exponential",
            Dl4jDialectTest::exponential, "dl4j.Step", Dl4jDialectTest::step, "dl4j.Inverse",
            Dl4jDialectTest::inverse, "dl4j.Poly", Dl4jDialectTest::poly, "dl4j.Sigmoid", Dl4jDialectTest::sigmoid,
            "dl4j.Map", Dl4jDialectTest::map, "dl4j.Cycle", Dl4jDialectTest::cycle, "dl4j.Ramp",
            Dl4jDialectTest::ramp, "dl4j.Fixed", Dl4jDialectTest::fixed);

    private static void agree(String what, double expected, double actual, double rel) {
        if (!(expected == actual || Math.abs(actual - expected) <= rel * Math.abs(expected))) {
            fail(what + ": DL4J gives " + expected + ", sched4j " + actual);
        }
    }

    @Test
    void everyRegisteredDl4jTypeIsTested() {
        assertThat(TYPES.keySet()).containsExactlyInAnyOrderElementsOf(
                Dl4jDialect.TYPES.stream().map(t -> t.name()).toList());
    }

    @TestFactory
    Stream<DynamicTest> agreesWithDl4jValueAtForRandomArguments() {
        List<DynamicTest> tests = new ArrayList<>();
        TYPES.forEach((name, draw) -> {
            Random r = new Random(name.hashCode());
            for (int k = 0; k < DRAWS; k++) {
                Draw d = draw.apply(r);
                tests.add(DynamicTest.dynamicTest(name + " #" + k + " " + d.expected(), () -> check(d)));
            }
        });
        return tests.stream();
    }

    private static void check(Draw d) {
        Schedule converted = Dl4jSchedules.from(d.dl4j());
        assertThat(converted).as("converter").isEqualTo(d.expected());
        String name = converted.type().name();
        // The two counters differ (iteration up, epoch down), so a schedule reading the wrong one fails.
        for (int i = 0; i <= LAST; i++) {
            int epoch = LAST - i;
            agree(name + " at iteration " + i + ", epoch " + epoch, d.dl4j().valueAt(i, epoch),
                    converted.valueAt(i, epoch), REL);
        }
        // The last 50 ints DL4J can be asked for (a negative Sigmoid stepSize wraps there in DL4J: see below).
        boolean wraps = d.dl4j() instanceof SigmoidSchedule s && s.getStepSize() < 0;
        for (int i = Integer.MAX_VALUE - 50; i > 0 && !wraps; i++) {
            agree(name + " at " + i, d.dl4j().valueAt(i, i), converted.valueAt(i, i), REL);
        }
        // The table evaluator (whole vector in ND4J) over the same steps, both counters equal.
        double[] dl4j = IntStream.rangeClosed(0, LAST).mapToDouble(i -> d.dl4j().valueAt(i, i)).toArray();
        Close.assertClose(name + " table", dl4j, Nd4jBackends.table(converted, 0, LAST + 1, DataType.DOUBLE), 0,
                Close.DOUBLE);
    }

    // ---- values worked by hand ----

    private static void expect(Schedule s, long step, double expected) {
        assertThat(s.value(step)).as("%s at step %d", s, step).isCloseTo(expected, within(1e-15));
    }

    @Test
    void polyGrowsAsDl4jComputesItThenDropsToZero() {
        Schedule s = Dl4j.poly(1.0, 2.0, 10);
        expect(s, 0, 1.0);
        expect(s, 5, 2.25); // (1 + 5/10)^2: above the initial value
        expect(s, 9, 3.61); // (1 + 9/10)^2
        expect(s, 10, 0.0);
        expect(s, 1L << 40, 0.0);
    }

    @Test
    void stepFloorsAFractionalStepLikeDl4j() {
        Schedule s = Dl4j.step(1.0, 0.5, 2.5);
        expect(s, 2, 1.0); // floor(0.8) = 0
        expect(s, 3, 0.5); // floor(1.2) = 1
        expect(s, 5, 0.25);
        expect(s, 7, 0.25); // floor(2.8) = 2
        expect(s, 8, 0.125);
    }

    @Test
    void exponentialInverseSigmoidAndFixed() {
        expect(Dl4j.exponential(2.0, 0.5), 3, 0.25);
        expect(Dl4j.inverse(1.0, 1.0, 2.0), 1, 0.25); // 1 / (1 + 1)^2
        expect(Dl4j.inverse(1.0, 1.0, 2.0), 3, 1.0 / 16);
        Schedule sigmoid = Dl4j.sigmoid(1.0, Math.log(3), 10);
        expect(sigmoid, 10, 0.5); // 1 / (1 + e^0)
        expect(sigmoid, 11, 0.75); // 1 / (1 + 1/3)
        expect(sigmoid, 9, 0.25); // 1 / (1 + 3)
        expect(Dl4j.fixed(0.3), 123_456_789_012L, 0.3);
    }

    @Test
    void mapTakesTheValueAtTheLargestKeyAtOrBelowTheStep() {
        Schedule s = Dl4j.map(Map.of(20, 0.1, 0, 1.0, 5, 0.5));
        expect(s, 0, 1.0);
        expect(s, 4, 1.0);
        expect(s, 5, 0.5);
        expect(s, 19, 0.5);
        expect(s, 20, 0.1);
        expect(s, 1L << 40, 0.1);
        assertThat(s.toJson()).isEqualTo("{\"type\":\"dl4j.Map\",\"values\":{\"0\":1.0,\"5\":0.5,\"20\":0.1}}");
        assertThat(Schedule.parse(s.toJson())).isEqualTo(s);
    }

    @Test
    void cycleRisesFallsAnnealsAndRepeats() {
        // s = (10 - 2) / 2 = 4, increment (1.0 - 0.1) / 4 = 0.225
        Schedule s = Dl4j.cycle(0.1, 1.0, 10, 2, 0.1);
        expect(s, 0, 0.1);
        expect(s, 2, 0.55);
        expect(s, 4, 1.0);
        expect(s, 6, 0.55);
        expect(s, 7, 0.325);
        expect(s, 8, 0.1); // tail: 0.1 * 0.1^0
        expect(s, 9, 0.01); // 0.1 * 0.1^1
        expect(s, 10, 0.1); // the cycle restarts
        expect(s, 14, 1.0);
    }

    @Test
    void cycleWithAnOddRiseStartsItsTailAtExponentMinusOne() {
        // s = (11 - 2) / 2 = 4 (integer division), so p = 8 is already in the tail: 0.1 * 0.1^(8 - 9) = 1.0
        Schedule s = Dl4j.cycle(0.1, 1.0, 11, 2, 0.1);
        expect(s, 7, 0.325);
        expect(s, 8, 1.0);
        expect(s, 9, 0.1);
        expect(s, 10, 0.01);
        expect(s, 11, 0.1);
    }

    @Test
    void rampScalesItsBaseByStepPlusOneOverNumIter() {
        Schedule s = Dl4j.ramp(Dl4j.fixed(1.0), 4);
        expect(s, 0, 0.25);
        expect(s, 1, 0.5);
        expect(s, 2, 0.75);
        expect(s, 3, 1.0);
        expect(s, 4, 1.0);
        Schedule overExp = Dl4j.ramp(Dl4j.exponential(1.0, 0.5), 2);
        expect(overExp, 0, 0.5); // 1/2 * 0.5^0
        expect(overExp, 1, 0.5); // the base itself
        assertThat(Schedule.parse(overExp.toJson())).isEqualTo(overExp);
    }

    @Test
    void sigmoidSubtractsExactlyWhereDl4jsIntSubtractionWraps() {
        // Not reproduced on purpose: DL4J computes the int iteration - stepSize, which wraps past 2^31 - 1.
        ISchedule dl4j = new SigmoidSchedule(ScheduleType.ITERATION, 1.0, 1.0, -10);
        Schedule s = Dl4jSchedules.from(dl4j);
        assertThat(dl4j.valueAt(Integer.MAX_VALUE, 0)).isEqualTo(0.0); // 1 / (1 + e^(2^31 - 9))
        assertThat(s.valueAt(Integer.MAX_VALUE, 0)).isEqualTo(1.0); // 1 / (1 + e^-(2^31 + 9))
        assertThat(s.valueAt(Integer.MAX_VALUE - 10, 0)).isEqualTo(dl4j.valueAt(Integer.MAX_VALUE - 10, 0));
    }

    // ---- rejected specs ----

    private static void rejects(String spec, String message) {
        assertThatThrownBy(() -> Schedule.parse(spec)).as(spec).hasMessage(message);
    }

    @Test
    void mapSpecsNeedKeyZeroAndWholeNonNegativeStepKeys() {
        rejects("{\"type\":\"dl4j.Map\",\"values\":{\"1\":0.1}}", "values: must contain key \"0\", the value at the "
                + "first step (DL4J's MapSchedule requires it too)");
        rejects("{\"type\":\"dl4j.Map\",\"values\":{}}", "values: must contain key \"0\", the value at the first "
                + "step (DL4J's MapSchedule requires it too)");
        rejects("{\"type\":\"dl4j.Map\",\"values\":{\"0\":1,\"-3\":0.1}}", "values.-3: must be >= 0 (a step is "
                + "never negative)");
        rejects("{\"type\":\"dl4j.Map\",\"values\":{\"0\":1,\"05\":0.1,\"5\":0.2}}", "values.\"5\": repeats step 5");
        rejects("{\"type\":\"dl4j.Map\",\"values\":{\"0\":1,\"2.5\":0.1}}", "values.\"2.5\": must be an integer step");
        rejects("{\"type\":\"dl4j.Map\",\"values\":{\"0\":\"x\"}}", "values.\"0\": must be a number (got string \"x\")");
        rejects("{\"type\":\"dl4j.Map\",\"values\":[0.1]}", "values: must be a JSON object from steps to numbers, "
                + "e.g. {\"0\": 0.1, \"100\": 0.01} (got array [0.1])");
    }

    @Test
    void argumentsThatWouldGiveNanOrGarbageAreRejected() {
        rejects("{\"type\":\"dl4j.Step\",\"initialValue\":0.1,\"decayRate\":0.5,\"step\":0}",
                "step: must be > 0 (got 0)");
        rejects("{\"type\":\"dl4j.Step\",\"initialValue\":0.1,\"decayRate\":-0.5,\"step\":3}",
                "decayRate: must be >= 0 (got -0.5)");
        rejects("{\"type\":\"dl4j.Inverse\",\"initialValue\":0.1,\"gamma\":-0.01,\"power\":1}",
                "gamma: must be >= 0 (got -0.01)");
        rejects("{\"type\":\"dl4j.Poly\",\"initialValue\":0.1,\"power\":1,\"maxIter\":0}",
                "maxIter: must be >= 1 (got 0)");
        rejects("{\"type\":\"dl4j.Cycle\",\"initialLearningRate\":0.1,\"maxLearningRate\":1,\"cycleLength\":0,"
                + "\"annealingLength\":0,\"annealingDecay\":0.1}", "cycleLength: must be >= 1 (got 0)");
        rejects("{\"type\":\"dl4j.Cycle\",\"initialLearningRate\":0.1,\"maxLearningRate\":1,\"cycleLength\":10,"
                + "\"annealingLength\":11,\"annealingDecay\":0.1}",
                "annealingLength: must be <= cycleLength 10 (got 11)");
        rejects("{\"type\":\"dl4j.Cycle\",\"initialLearningRate\":0.1,\"maxLearningRate\":1,\"cycleLength\":11,"
                + "\"annealingLength\":2,\"annealingDecay\":0}", "annealingDecay: must be > 0 when cycleLength - "
                + "annealingLength is odd (the tail then starts at annealingDecay^-1)");
        rejects("{\"type\":\"dl4j.Ramp\",\"baseSchedule\":{\"type\":\"dl4j.Fixed\",\"value\":1},\"numIter\":0}",
                "numIter: must be >= 1 (got 0)");
        rejects("{\"type\":\"dl4j.Ramp\",\"baseSchedule\":{\"type\":\"dl4j.Exponential\",\"initialValue\":1,"
                + "\"gamma\":-1},\"numIter\":5}", "baseSchedule.gamma: must be >= 0 (got -1)");
        rejects("{\"type\":\"dl4j.Ramp\",\"baseSchedule\":{\"type\":\"dl4j.Fixed\",\"value\":1,\"unit\":\"epoch\"},"
                + "\"numIter\":5}", "baseSchedule.steps_per_epoch: is required for a nested schedule in epochs (it is given its parent's steps; say how many make one epoch)");
        rejects("{\"type\":\"dl4j.Ramp\",\"baseSchedule\":3,\"numIter\":5}",
                "baseSchedule: must be a JSON object with a \"type\" (got number)");
    }
}
