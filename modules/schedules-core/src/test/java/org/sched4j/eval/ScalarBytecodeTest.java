package org.sched4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sched4j.expr.Ex.add;
import static org.sched4j.expr.Ex.mul;
import static org.sched4j.expr.Ex.real;
import static org.sched4j.expr.Ex.step;
import static org.sched4j.expr.Ex.toReal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.BoolExpr;
import org.sched4j.expr.CompareOp;
import org.sched4j.expr.Ex;
import org.sched4j.expr.Expr;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;
import org.sched4j.expr.UnaryOp;
import org.sched4j.schedule.Schedule;

/** The bytecode compiler against the closure tree it replaces: the same bits at every step, and its fallback. */
class ScalarBytecodeTest {

    static Stream<String> specs() {
        try {
            Path dir = Path.of(ScalarBytecodeTest.class.getResource("/agreement").toURI());
            List<String> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                    Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(out::add);
                }
            }
            return out.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void compiledScheduleIsBitForBitTheClosureTree(String spec) {
        Schedule s = Schedule.parse(spec);
        sameBits(spec, s.expression());
        if (s.hasMomentum()) {
            sameBits(spec + " (momentum)", s.momentumExpression());
        }
    }

    @Test
    void everyOperatorAndComparisonMatchesIncludingNaNAndInfinities() {
        IntExpr t = step();
        RealExpr x = Ex.sub(Ex.div(toReal(t), real(7)), real(40)); // negative, zero-crossing, positive
        RealExpr nanBelow5 = Ex.log(Ex.sub(toReal(t), real(5))); // NaN below step 5, -Infinity at 5
        RealExpr[] operands = {x, nanBelow5, Ex.div(real(1), Ex.sub(toReal(t), real(3))), real(Double.NaN),
                real(-0.0), real(2.5)};
        List<RealExpr> cases = new ArrayList<>();
        for (RealExpr a : operands) {
            for (UnaryOp op : UnaryOp.values()) {
                cases.add(new RealExpr.Unary(op, a));
            }
            for (RealExpr b : operands) {
                for (BinaryOp op : BinaryOp.values()) {
                    cases.add(new RealExpr.Binary(op, a, b));
                }
                for (CompareOp op : CompareOp.values()) {
                    cases.add(new RealExpr.Select(new BoolExpr.RealCompare(op, a, b), real(1), real(-1)));
                }
            }
        }
        IntExpr[] ints = {t, Ex.sub(t, 1000), Ex.integer(-7), Ex.integer(3), Ex.floorMod(t, 13)};
        for (IntExpr a : ints) {
            for (IntExpr b : ints) {
                for (BinaryOp op : BinaryOp.values()) {
                    if (op.isIntegerOp()) {
                        cases.add(toReal(new IntExpr.Binary(op, a, b)));
                    }
                }
                for (CompareOp op : CompareOp.values()) {
                    cases.add(new RealExpr.Select(new BoolExpr.IntCompare(op, a, b), real(1), real(-1)));
                }
            }
            cases.add(new RealExpr.Lookup(new double[] {1.5, -2, Double.NaN, 4}, a));
            cases.add(toReal(new IntExpr.CountAtMost(a, new long[] {-5, 0, 0, 3, 500, 999, 1000})));
        }
        for (RealExpr e : cases) {
            sameBits(e.toString(), e);
        }
    }

    @Test
    void theIntegerToRealHelperIsTheLongConversion() {
        long[] xs = {Long.MIN_VALUE, Integer.MIN_VALUE - 1L, Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE,
                Integer.MAX_VALUE + 1L, (1L << 53) + 1, Long.MAX_VALUE};
        for (long x : xs) {
            assertThat(Double.doubleToRawLongBits(ScalarBytecode.toReal(x))).as("%d", x)
                    .isEqualTo(Double.doubleToRawLongBits((double) x));
        }
        RealExpr shifted = toReal(Ex.sub(step(), (1L << 31) + 3)); // crosses Integer.MIN_VALUE near step 3
        sameBits("shifted", shifted);
    }

    @Test
    void theIntDivisionHelpersAreTheFloorOperators() {
        long[] xs = {Long.MIN_VALUE, Integer.MIN_VALUE - 1L, Integer.MIN_VALUE, -20_001, -7, -1, 0, 1, 6, 7, 19_999,
                20_000, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, (1L << 53) + 1, Long.MAX_VALUE};
        for (long x : xs) {
            for (int k : new int[] {1, 7, 20_000, Integer.MAX_VALUE}) {
                assertThat(ScalarBytecode.floorDiv(x, k)).as("%d // %d", x, k).isEqualTo(Math.floorDiv(x, (long) k));
                assertThat(ScalarBytecode.floorMod(x, k)).as("%d %% %d", x, k).isEqualTo(Math.floorMod(x, (long) k));
            }
        }
        IntExpr shifted = Ex.sub(step(), (1L << 31) + 3); // negative below step 2^31 + 3, past int range early on
        sameBits("shifted floor division", toReal(Ex.floorDiv(shifted, 7)));
        sameBits("shifted modulo", toReal(Ex.floorMod(shifted, 7)));
    }

    @Test
    void sharedNodesAreComputedOnceWhereTheyDominateAndAgainWhereTheyDoNot() {
        IntExpr t = step();
        RealExpr decay = Ex.exp(mul(toReal(Ex.floorMod(t, 300)), real(-0.001)));
        RealExpr inBranch = Ex.select(Ex.lt(t, 100), decay, Ex.sqrt(decay));
        RealExpr afterBranch = add(inBranch, mul(decay, decay));
        RealExpr nested = Ex.select(Ex.compare(CompareOp.GT, decay, real(0.9)), afterBranch,
                Ex.select(Ex.lt(t, 700), Ex.min(decay, inBranch), Ex.max(afterBranch, decay)));
        assertThat(ScalarBytecode.compile(nested)).isNotNull();
        sameBits("shared", nested);
    }

    @Test
    void powersOfAnExponentWithFewValuesAreReadFromATableWithTheSameBits() {
        IntExpr t = step();
        // DL4J's CycleSchedule: in the annealing branch (position >= 18000 of 20000) the exponent is 0..1999.
        Schedule cycle = Schedule.parse("{\"type\":\"dl4j.Cycle\",\"initialLearningRate\":0.01,"
                + "\"maxLearningRate\":0.1,\"cycleLength\":20000,\"annealingLength\":2000,\"annealingDecay\":0.1}");
        assertThat(ScalarBytecode.powerTables(cycle.expression())).isEqualTo(1);
        sameBits("dl4j.Cycle", cycle.expression());
        double[] expected = {0.01 * Math.pow(0.1, 0), 0.01 * Math.pow(0.1, 1), 0.01 * Math.pow(0.1, 1999)};
        long[] at = {18_000, 18_001, 19_999};
        for (int i = 0; i < at.length; i++) {
            assertThat(cycle.value(at[i] + 40_000)).isEqualTo(expected[i]);
        }
        // A milestone count takes 4 values; bases with signs, zeros (infinite negative powers) and NaN.
        IntExpr count = Ex.countAtMost(t, new long[] {30, 80, 1500});
        IntExpr signed = Ex.sub(Ex.floorMod(t, 7), 3); // -3..3
        for (double base : new double[] {0.1, -0.5, 0.0, -0.0, 3.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            for (IntExpr k : new IntExpr[] {count, signed}) {
                RealExpr e = Ex.pow(real(base), toReal(k));
                assertThat(ScalarBytecode.powerTables(e)).as("%s", e).isEqualTo(1);
                sameBits(e.toString(), e);
            }
        }
        // Made in the branch where t < 10, the table serves the node's second use too, past its exponents.
        RealExpr power = Ex.pow(real(0.9), toReal(t));
        RealExpr twoPaths = Ex.select(Ex.lt(t, 10), power, add(power, real(1)));
        assertThat(ScalarBytecode.powerTables(twoPaths)).isEqualTo(2);
        sameBits("two paths", twoPaths);
        // Too many exponents, or no bound: computed.
        assertThat(ScalarBytecode.powerTables(power)).isZero();
        assertThat(ScalarBytecode.powerTables(Ex.pow(real(0.5), toReal(Ex.floorMod(t, 5000))))).isZero();
        assertThat(ScalarBytecode.powerTables(Ex.pow(real(0.5), toReal(Ex.floorDiv(t, 7))))).isZero();
    }

    @Test
    void powerTablesStopAtTheirTotalForOneSchedule() {
        IntExpr t = step();
        RealExpr sum = real(0);
        int tables = ScalarBytecode.POWER_TABLES_TOTAL / 4000 + 2; // each 4000 entries: the last two do not fit
        for (int i = 0; i < tables; i++) {
            sum = add(sum, Ex.pow(real(0.5 + i * 1e-3), toReal(Ex.floorMod(t, 4000))));
        }
        assertThat(ScalarBytecode.powerTables(sum)).isEqualTo(ScalarBytecode.POWER_TABLES_TOTAL / 4000);
        sameBits("many tables", sum);
    }

    @Test
    void aLongSequentialFallsBackToTheClosureTree() {
        int n = 2000;
        String children = IntStream.range(0, n).mapToObj(i -> "{\"type\":\"constant\",\"value\":" + (i + 0.5) + "}")
                .collect(Collectors.joining(","));
        String boundaries = IntStream.range(1, n).mapToObj(Integer::toString).collect(Collectors.joining(","));
        Schedule s = Schedule.parse("{\"type\":\"sequential\",\"schedules\":[" + children + "],\"boundaries\":["
                + boundaries + "]}");
        assertThat(ScalarBytecode.compile(s.expression())).isNull();
        assertThat(ScalarBytecode.isCompiled(ScalarEvaluator.compile(s.expression()))).isFalse();
        // Child i (value i + 0.5) runs from step i; the last from step 1999 on.
        for (long step : new long[] {0, 1, 2, 999, 1500, 1998}) {
            assertThat(s.value(step)).isEqualTo(step + 0.5);
        }
        assertThat(s.value(1999)).isEqualTo(1999.5);
        assertThat(s.value(1L << 40)).isEqualTo(1999.5);
        assertThat(s.valueAt(1234, 0)).isEqualTo(1234.5);
    }

    @Test
    void aWideSumPastTheCodeLimitFallsBack() {
        List<RealExpr> terms = new ArrayList<>();
        for (int i = 1; i <= 2048; i++) {
            terms.add(mul(toReal(step()), real(i)));
        }
        while (terms.size() > 1) { // a balanced tree: shallow, but ~12 KB of code
            List<RealExpr> next = new ArrayList<>();
            for (int i = 0; i < terms.size(); i += 2) {
                next.add(add(terms.get(i), terms.get(i + 1)));
            }
            terms = next;
        }
        RealExpr sum = terms.get(0);
        assertThat(ScalarBytecode.compile(sum)).isNull();
        LongToDoubleFunction f = ScalarEvaluator.compile(sum);
        assertThat(ScalarBytecode.isCompiled(f)).isFalse();
        // step * (1 + 2 + ... + 2048) = step * 2048 * 2049 / 2, every partial sum an exact integer
        for (long step : new long[] {0, 1, 7, 123_456}) {
            assertThat(f.applyAsDouble(step)).isEqualTo(step * 2_098_176.0);
        }
    }

    @Test
    void aDeepNestingFallsBack() {
        RealExpr e = toReal(step());
        for (int i = 0; i < 1001; i++) {
            e = Ex.neg(e);
        }
        assertThat(ScalarBytecode.compile(e)).isNull();
        LongToDoubleFunction f = ScalarEvaluator.compile(e);
        assertThat(ScalarBytecode.isCompiled(f)).isFalse();
        assertThat(f.applyAsDouble(3)).isEqualTo(-3.0); // an odd number of negations
        assertThat(f.applyAsDouble(0)).isEqualTo(-0.0);
    }

    @Test
    void aScheduleSurvivesJavaSerializationWithItsCompiledFunction() throws Exception {
        Schedule s = Schedule.parse("{\"type\":\"cosine\",\"initial\":0.1,\"final\":0.001,\"decay_steps\":1000}");
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        Schedule back;
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Schedule) in.readObject();
        }
        assertThat(back).isEqualTo(s);
        for (int i = 0; i <= 1200; i += 7) {
            assertThat(back.valueAt(i, 0)).isEqualTo(s.valueAt(i, 0));
        }
    }

    // ---- helpers ----

    /** The compiled function and the closure tree give the same outcome (bits, or exception) at many steps. */
    private static void sameBits(String what, RealExpr e) {
        LongToDoubleFunction compiled = ScalarBytecode.compile(e);
        assertThat(compiled).as("%s compiles", what).isNotNull();
        assertThat(ScalarBytecode.isCompiled(ScalarEvaluator.compile(e))).isTrue();
        LongToDoubleFunction reference = ScalarEvaluator.closures(e);
        for (long t : steps(e)) {
            String expected = outcome(reference, t);
            String actual = outcome(compiled, t);
            if (!expected.equals(actual)) {
                assertThat(actual).as("%s at step %d", what, t).isEqualTo(expected);
            }
        }
    }

    private static String outcome(LongToDoubleFunction f, long t) {
        try {
            double v = f.applyAsDouble(t);
            return Double.isNaN(v) ? "NaN" : Long.toHexString(Double.doubleToRawLongBits(v));
        } catch (ArithmeticException | ArrayIndexOutOfBoundsException e) {
            return e.getClass().getName();
        }
    }

    /** 0..2000, around every integer the expression mentions, near 2^31, 2^40, 2^53 and random steps. */
    private static long[] steps(RealExpr e) {
        TreeSet<Long> out = new TreeSet<>();
        for (long t = 0; t <= 2000; t++) {
            out.add(t);
        }
        List<Long> marks = new ArrayList<>();
        constants(e, marks, new IdentityHashMap<>());
        for (long p : new long[] {31, 32, 40, 52, 53}) {
            marks.add(1L << p);
        }
        for (long k : marks) {
            for (long m = 1; m <= 3; m++) {
                for (long d = -2; d <= 2; d++) {
                    long t = k * m + d;
                    if (k * m / m == k && t >= -1) {
                        out.add(t);
                    }
                }
            }
        }
        SplittableRandom random = new SplittableRandom(20240611);
        for (int i = 0; i < 300; i++) {
            out.add(random.nextLong(1_000_000));
            out.add(random.nextLong((1L << 53) + 1));
        }
        out.add(Long.MAX_VALUE);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static void constants(Expr e, List<Long> out, Map<Expr, Boolean> seen) {
        if (seen.put(e, Boolean.TRUE) != null) {
            return;
        }
        if (e instanceof IntExpr.Const c) {
            out.add(Math.abs(c.value()));
        } else if (e instanceof RealExpr.Const c && Math.abs(c.value()) < 0x1p62) {
            out.add((long) Math.abs(c.value()));
        } else if (e instanceof IntExpr.CountAtMost c) {
            for (long b : c.boundaries()) {
                out.add(Math.abs(b));
            }
        }
        for (Expr child : ScalarBytecode.children(e)) {
            constants(child, out, seen);
        }
    }
}
