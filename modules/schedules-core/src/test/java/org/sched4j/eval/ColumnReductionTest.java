package org.sched4j.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.sched4j.Close;
import org.sched4j.catalog.Schedules;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.UnaryOp;

/**
 * The table backend's shortcuts: cosines, sines, exponentials and powers of an affine column by angle
 * addition and products ({@link Progressions}), and chains of constant ops fused into one loop
 * ({@link MappedColumn}), each against the per-step {@code Math} call or operator it replaces.
 */
class ColumnReductionTest {
    /** {@code toReal(step) * k + shift}, the affine argument a schedule's cosine or exponential gets. */
    private static RealColumn affine(Block block, double k, double shift) {
        RealColumn t = RealColumn.toReal(LongColumn.step(block));
        return RealColumn.binary(BinaryOp.ADD, RealColumn.binary(BinaryOp.MUL, t, RealColumn.constant(block, k)),
                RealColumn.constant(block, shift));
    }

    /** Every element within {@code tolerance} of {@code Math}; returns how many differ in any bit. */
    private static int compare(String what, RealColumn reduced, RealColumn x, java.util.function.DoubleUnaryOperator f,
            double tolerance) {
        double[] v = reduced.values();
        int differing = 0;
        for (int j = 0; j < reduced.block.length; j++) {
            double expected = f.applyAsDouble(x.compute(j));
            assertThat(Math.abs(v[j] - expected)).as(what + " at " + j)
                    .isLessThanOrEqualTo(tolerance * Math.abs(expected));
            if (Double.doubleToLongBits(v[j]) != Double.doubleToLongBits(expected)) {
                differing++;
            }
        }
        return differing;
    }

    @Test
    void cosinesAndSinesByAngleAdditionStayWithinTheBudget() {
        Block block = new Block(Progressions.budget(DataType.DOUBLE));
        for (double k : new double[] {Math.PI / 1e6, 1e-3, -2e-4}) {
            RealColumn x = affine(block, k, 0.3);
            RealColumn cos = RealColumn.unary(UnaryOp.COS, x);
            RealColumn sin = RealColumn.unary(UnaryOp.SIN, x);
            int reduced = 0;
            for (long start : new long[] {0, 700, 4_000}) {
                block.moveTo(start, Block.SIZE);
                reduced += compare("cos, k " + k + " from " + start, cos, x, Math::cos, 1e-11);
                reduced += compare("sin, k " + k + " from " + start, sin, x, Math::sin, 1e-11);
            }
            // The blocks away from the axes are computed by the rotation, not by Math: some bits differ.
            assertThat(reduced).as("k " + k).isPositive();
        }
    }

    @Test
    void blocksNearAnAxisCallMathForEveryStep() {
        Block block = new Block(Progressions.budget(DataType.DOUBLE));
        // theta = pi * t / 1e6 reaches pi at t = 1e6, where 1 + cos(theta) -> 0 and cancels every digit.
        RealColumn x = RealColumn.binary(BinaryOp.MUL, RealColumn.toReal(LongColumn.step(block)),
                RealColumn.constant(block, Math.PI / 1e6));
        RealColumn cos = RealColumn.unary(UnaryOp.COS, x);
        block.moveTo(1_000_000 - Block.SIZE + 1, Block.SIZE);
        assertThat(compare("cos at the end of the decay", cos, x, Math::cos, 0)).isZero();
        block.moveTo(500_000 - Block.SIZE / 2, Block.SIZE); // across pi / 2, where cos changes sign
        assertThat(compare("cos across pi/2", cos, x, Math::cos, 0)).isZero();
    }

    @Test
    void float32BlocksReduceCloserToAnAxisWithinTheirOwnBudget() {
        // theta = pi * t / 1e6 over t in [1e6 - 2023, 1e6 - 1000]: |sin theta| in [0.0031, 0.0064], so the
        // double budget needs 1e-11 * 0.0031^2 = 1e-16 of a ~1e-15 bound (Math per step), the float32 budget
        // 2e-8 * 0.0031^2 = 2e-13 (the rotation)
        for (Block block : new Block[] {new Block(Progressions.budget(DataType.DOUBLE)), new Block(Progressions.budget(DataType.FLOAT))}) {
            RealColumn x = RealColumn.binary(BinaryOp.MUL, RealColumn.toReal(LongColumn.step(block)),
                    RealColumn.constant(block, Math.PI / 1e6));
            RealColumn cos = RealColumn.unary(UnaryOp.COS, x);
            block.moveTo(1_000_000 - 1_000 - Block.SIZE + 1, Block.SIZE);
            boolean float32 = block.budget == 2e-8;
            int differing = compare("cos, budget " + block.budget, cos, x, Math::cos, float32 ? 2e-8 : 0);
            assertThat(differing).as("steps not computed by Math, budget " + block.budget)
                    .matches(d -> float32 ? d > 0 : d == 0);
            for (int j = 0; j < Block.SIZE; j++) {
                double expected = 1 + Math.cos(x.compute(j));
                assertThat(Math.abs(1 + cos.values()[j] - expected)).as("1 + cos at " + j)
                        .isLessThanOrEqualTo(2e-8 * expected);
            }
        }
    }

    @Test
    void exponentialsAndPowersByProducts() {
        Block block = new Block(Progressions.budget(DataType.DOUBLE));
        int reduced = 0;
        // A decay over thousands of steps, and one over 2^40 steps seen near its end.
        for (double[] slopeAndStart : new double[][] {{-1e-3, 0}, {-1e-3, 100_000}, {-1e-3, 500_000},
            {-1e-12, 0x1p40}}) {
            RealColumn x = affine(block, slopeAndStart[0], -0.05);
            RealColumn exp = RealColumn.unary(UnaryOp.EXP, x);
            RealColumn pow = RealColumn.binary(BinaryOp.POW, RealColumn.constant(block, 0.96), x);
            long start = (long) slopeAndStart[1];
            block.moveTo(start, Block.SIZE);
            reduced += compare("exp from " + start, exp, x, Math::exp, 1e-11);
            reduced += compare("0.96^x from " + start, pow, x, v -> Math.pow(0.96, v), 1e-11);
        }
        assertThat(reduced).isPositive();
        // Next to 0 the argument would cancel in 1 - exp(x): those blocks call Math.
        RealColumn small = affine(block, 1e-9, 0);
        block.moveTo(0, Block.SIZE);
        assertThat(compare("exp near 0", RealColumn.unary(UnaryOp.EXP, small), small, Math::exp, 0)).isZero();
    }

    /**
     * A FLOAT table's blocks: a chain of constant ops over a reduced cosine, sine, exponential or power is
     * computed in float32 ({@link Progressions#offsetFloats}) where its bound allows, and every value stays
     * within the float32 budget plus the output's own rounding of the double formula worked here; where the
     * bound does not allow it (next to the zero a cosine decay ends on) the block is the doubles rounded.
     */
    @Test
    void float32ChainsOverReducedColumnsStayWithinTheBudgetPlusTheirRounding() {
        Block block = new Block(Progressions.budget(DataType.FLOAT));
        double k = Math.PI / 1e6;
        RealColumn t = RealColumn.toReal(LongColumn.step(block));
        RealColumn x = RealColumn.binary(BinaryOp.MUL, t, RealColumn.constant(block, k));
        RealColumn cos = RealColumn.unary(UnaryOp.COS, x);
        RealColumn sin = RealColumn.unary(UnaryOp.SIN, x);
        // 0.001 + 0.1 * ((1 + cos) * 0.5): a cosine decay, four ops (a mapped column over a mapped column)
        RealColumn decay = add(mul(mul(add(cos, 1), 0.5), 0.1), 0.001);
        RealColumn wave = mul(add(sin, 2), 0.25);
        RealColumn exponential = RealColumn.unary(UnaryOp.EXP, affine(block, -1e-6, 0));
        RealColumn exp = mul(exponential, 0.1);
        RealColumn pow = RealColumn.binary(BinaryOp.POW, RealColumn.constant(block, 0.96), affine(block, -1e-4, 0));
        double[] m = {1, 0.5, 0.1, 1};
        double[] a = {1, -0.0, -0.0, 0.001};
        float[] out = new float[Block.SIZE];
        for (long start : new long[] {0, 123_456, 400_000, 520_000, 900_000, 999_000 - Block.SIZE}) {
            block.moveTo(start, Block.SIZE);
            decay.fillFloats(out, Block.SIZE);
            within("decay from " + start, out, j -> 0.001 + 0.1 * ((1 + Math.cos(x.compute(j))) * 0.5));
            assertThat(((Progressions.Progression) cos).mappedFloats(out, Block.SIZE, m, a)).as("float32 from " + start)
                    .isTrue();
            assertThat(((Progressions.Progression) sin).mappedFloats(out, Block.SIZE, new double[] {1, 0.25},
                    new double[] {2, -0.0})).as("sine in float32 from " + start).isTrue();
            wave.fillFloats(out, Block.SIZE);
            within("wave from " + start, out, j -> (Math.sin(x.compute(j)) + 2) * 0.25);
            assertThat(((Progressions.Progression) exponential).mappedFloats(out, Block.SIZE, new double[] {0.1},
                    new double[] {-0.0})).as("exponential in float32 from " + start).isTrue();
            exp.fillFloats(out, Block.SIZE);
            within("exp from " + start, out, j -> Math.exp(-1e-6 * start - 1e-6 * j) * 0.1);
            pow.fillFloats(out, Block.SIZE);
            within("pow from " + start, out, j -> Math.pow(0.96, -1e-4 * (start + j)));
        }
        // Near the zero the decay ends on, 1 + cos cancels: for the block ending 200 steps before the end the
        // float32 form's bound is ~4e-13 against a budget of 2e-8 * 0.05 * 2e-7, so the block is its doubles
        // rounded; the last block reaches 0 itself (no relative bound at all).
        double[] m3 = {1, 0.5, 0.1};
        double[] a3 = {1, -0.0, -0.0};
        RealColumn bare = mul(mul(add(cos, 1), 0.5), 0.1);
        for (long end : new long[] {1_000_000 - 200, 1_000_000}) {
            block.moveTo(end - Block.SIZE + 1, Block.SIZE);
            assertThat(((Progressions.Progression) cos).mappedFloats(out, Block.SIZE, m3, a3)).as("ending " + end)
                    .isFalse();
            bare.fillFloats(out, Block.SIZE);
            double[] doubles = bare.values();
            for (int j = 0; j < Block.SIZE; j++) {
                assertThat(out[j]).as("ending " + end + " at " + j).isEqualTo((float) doubles[j]);
            }
        }
    }

    private static RealColumn add(RealColumn x, double k) {
        return RealColumn.binary(BinaryOp.ADD, x, RealColumn.constant(x.block, k));
    }

    private static RealColumn mul(RealColumn x, double k) {
        return RealColumn.binary(BinaryOp.MUL, x, RealColumn.constant(x.block, k));
    }

    /** Each float within the float32 budget plus half a float32 ulp (relative) of {@code formula}. */
    private static void within(String what, float[] out, java.util.function.IntToDoubleFunction formula) {
        for (int j = 0; j < Block.SIZE; j++) {
            double expected = formula.applyAsDouble(j);
            assertThat(Math.abs(out[j] - expected)).as(what + " at " + j)
                    .isLessThanOrEqualTo((2e-8 + 0x1p-24) * Math.abs(expected));
        }
    }

    @Test
    void mappedOpsAreTheOpsBitForBit() {
        Block block = new Block(Progressions.budget(DataType.DOUBLE));
        double[] specials = {0.0, -0.0, 1.5, -2.25, Double.MIN_VALUE, -Double.MAX_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-310};
        RealColumn x = new RealColumn(block) {
            @Override
            void fill(double[] out, int n) {
                System.arraycopy(specials, 0, out, 0, n);
            }

            @Override
            double compute(int j) {
                return specials[j];
            }
        };
        block.moveTo(0, specials.length);
        for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL}) {
            for (double k : specials) {
                RealColumn right = RealColumn.binary(op, x, RealColumn.constant(block, k));
                RealColumn left = RealColumn.binary(op, RealColumn.constant(block, k), x);
                RealColumn chained = RealColumn.binary(op, RealColumn.binary(BinaryOp.MUL, right,
                        RealColumn.constant(block, -0.5)), RealColumn.constant(block, k));
                assertThat(right).isInstanceOf(MappedColumn.class);
                for (int j = 0; j < specials.length; j++) {
                    double v = specials[j];
                    assertThat(bits(right.values()[j])).as(v + " " + op + " " + k).isEqualTo(bits(op.apply(v, k)));
                    assertThat(bits(left.values()[j])).as(k + " " + op + " " + v).isEqualTo(bits(op.apply(k, v)));
                    assertThat(bits(chained.values()[j])).as("chain on " + v)
                            .isEqualTo(bits(op.apply(op.apply(v, k) * -0.5, k)));
                }
            }
        }
    }

    private static long bits(double v) {
        return Double.doubleToLongBits(v);
    }

    @Test
    void sineScheduleTableFollowsItsFormula() {
        int count = 300_000;
        double[] table = Schedules.expression("0.5 * (1 + sin(step / 1000))").table(0, count, DataType.DOUBLE)
                .toDoubleVector();
        double[] formula = new double[count];
        for (int t = 0; t < count; t++) {
            formula[t] = 0.5 * (1 + Math.sin(t / 1000.0));
        }
        Close.assertClose("0.5 (1 + sin(t / 1000))", formula, table, 0, Close.DOUBLE);
    }
}
