package org.sched4j.expr;

/**
 * Builds expression trees, folding constant sub-expressions as it goes so every evaluator receives the
 * smallest tree; schedule definitions are written with these functions ({@code import static}).
 */
public final class Ex {
    private static final IntExpr STEP = new IntExpr.Step();

    private Ex() {
    }

    /** The step the schedule is evaluated at. */
    public static IntExpr step() {
        return STEP;
    }

    /** An integer literal. */
    public static IntExpr integer(long value) {
        return new IntExpr.Const(value);
    }

    /** A real literal. */
    public static RealExpr real(double value) {
        return new RealExpr.Const(value);
    }

    /** An integer expression as a double. */
    public static RealExpr toReal(IntExpr x) {
        if (x instanceof IntExpr.Const c) {
            return real(c.value());
        }
        return new RealExpr.ToReal(x);
    }

    // ---- integer arithmetic ----

    /** Integer binary operation with constant folding. */
    public static IntExpr op(BinaryOp op, IntExpr a, IntExpr b) {
        if (a instanceof IntExpr.Const x && b instanceof IntExpr.Const y) {
            return integer(op.apply(x.value(), y.value()));
        }
        if (b instanceof IntExpr.Const y) {
            long k = y.value();
            if ((op == BinaryOp.ADD || op == BinaryOp.SUB) && k == 0) {
                return a;
            }
            if ((op == BinaryOp.MUL || op == BinaryOp.FLOOR_DIV) && k == 1) {
                return a;
            }
        }
        return new IntExpr.Binary(op, a, b);
    }

    /** {@code a + b}. */
    public static IntExpr add(IntExpr a, long b) {
        return op(BinaryOp.ADD, a, integer(b));
    }

    /** {@code a - b}. */
    public static IntExpr sub(IntExpr a, long b) {
        return op(BinaryOp.SUB, a, integer(b));
    }

    /** {@code a * b} on integers. */
    public static IntExpr mul(IntExpr a, long b) {
        return op(BinaryOp.MUL, a, integer(b));
    }

    /** {@code floor(a / b)} on integers. */
    public static IntExpr floorDiv(IntExpr a, long b) {
        return op(BinaryOp.FLOOR_DIV, a, integer(b));
    }

    /** {@code a mod b}, the result having the sign of b. */
    public static IntExpr floorMod(IntExpr a, long b) {
        return op(BinaryOp.FLOOR_MOD, a, integer(b));
    }

    /** {@code min(a, b)} on integers. */
    public static IntExpr min(IntExpr a, long b) {
        return op(BinaryOp.MIN, a, integer(b));
    }

    /** {@code max(a, b)} on integers. */
    public static IntExpr max(IntExpr a, long b) {
        return op(BinaryOp.MAX, a, integer(b));
    }

    /** How many of {@code boundaries} (sorted here) are {@code <= x}; repeats count. */
    public static IntExpr countAtMost(IntExpr x, long[] boundaries) {
        long[] sorted = boundaries.clone();
        java.util.Arrays.sort(sorted);
        IntExpr.CountAtMost node = new IntExpr.CountAtMost(x, sorted);
        if (x instanceof IntExpr.Const c) {
            return integer(node.count(c.value()));
        }
        if (sorted.length == 0) {
            return integer(0);
        }
        return node;
    }

    // ---- real arithmetic ----

    /** Real binary operation with constant folding. */
    public static RealExpr op(BinaryOp op, RealExpr a, RealExpr b) {
        if (op == BinaryOp.FLOOR_DIV || op == BinaryOp.FLOOR_MOD) {
            throw new IllegalArgumentException(op + " is only defined on integer expressions");
        }
        if (a instanceof RealExpr.Const x && b instanceof RealExpr.Const y) {
            return real(op.apply(x.value(), y.value()));
        }
        if (b instanceof RealExpr.Const y) {
            double k = y.value();
            if ((op == BinaryOp.MUL || op == BinaryOp.DIV || op == BinaryOp.POW) && k == 1.0) {
                return a;
            }
            if ((op == BinaryOp.ADD || op == BinaryOp.SUB) && k == 0.0) {
                return a;
            }
        }
        if (a instanceof RealExpr.Const x && op == BinaryOp.MUL && x.value() == 1.0) {
            return b;
        }
        if (op == BinaryOp.MUL) {
            RealExpr folded = foldScaling(a, b);
            if (folded == null) {
                folded = foldScaling(b, a);
            }
            if (folded != null) {
                return folded;
            }
        }
        if (a instanceof RealExpr.Const x && op == BinaryOp.ADD && x.value() == 0.0) {
            return b;
        }
        return new RealExpr.Binary(op, a, b);
    }

    /**
     * {@code k * (y * c)} as {@code y * (k * c)} when k or c is a power of two: scaling by 2^n is exact, so the
     * value is bit for bit the same (short of overflow or underflow) and a graph has one multiply fewer.
     */
    private static RealExpr foldScaling(RealExpr constant, RealExpr product) {
        if (!(constant instanceof RealExpr.Const k) || !(product instanceof RealExpr.Binary m)
                || m.op() != BinaryOp.MUL) {
            return null;
        }
        RealExpr y = m.right() instanceof RealExpr.Const ? m.left() : m.right();
        if (!(m.left() instanceof RealExpr.Const) && !(m.right() instanceof RealExpr.Const)) {
            return null;
        }
        double c = ((RealExpr.Const) (y == m.left() ? m.right() : m.left())).value();
        double kc = k.value() * c;
        if (!(isPowerOfTwo(k.value()) || isPowerOfTwo(c)) || !(Math.abs(kc) >= Double.MIN_NORMAL)
                || Double.isInfinite(kc)) {
            return null;
        }
        return mul(y, real(kc));
    }

    private static boolean isPowerOfTwo(double v) {
        double a = Math.abs(v);
        return a >= Double.MIN_NORMAL && !Double.isInfinite(a) && a == Math.scalb(1.0, Math.getExponent(a));
    }

    /** {@code a + b}. */
    public static RealExpr add(RealExpr a, RealExpr b) {
        return op(BinaryOp.ADD, a, b);
    }

    /** {@code a - b}. */
    public static RealExpr sub(RealExpr a, RealExpr b) {
        return op(BinaryOp.SUB, a, b);
    }

    /** {@code a * b}. */
    public static RealExpr mul(RealExpr a, RealExpr b) {
        return op(BinaryOp.MUL, a, b);
    }

    /** {@code a / b}. */
    public static RealExpr div(RealExpr a, RealExpr b) {
        return op(BinaryOp.DIV, a, b);
    }

    /** {@code a ^ b}. */
    public static RealExpr pow(RealExpr a, RealExpr b) {
        return op(BinaryOp.POW, a, b);
    }

    /** {@code min(a, b)}. */
    public static RealExpr min(RealExpr a, RealExpr b) {
        return op(BinaryOp.MIN, a, b);
    }

    /** {@code max(a, b)}. */
    public static RealExpr max(RealExpr a, RealExpr b) {
        return op(BinaryOp.MAX, a, b);
    }

    /** A unary function with constant folding. */
    public static RealExpr op(UnaryOp op, RealExpr x) {
        if (x instanceof RealExpr.Const c) {
            return real(op.apply(c.value()));
        }
        return new RealExpr.Unary(op, x);
    }

    /** {@code cos(x)}. */
    public static RealExpr cos(RealExpr x) {
        return op(UnaryOp.COS, x);
    }

    /** {@code exp(x)}. */
    public static RealExpr exp(RealExpr x) {
        return op(UnaryOp.EXP, x);
    }

    /** {@code sqrt(x)}. */
    public static RealExpr sqrt(RealExpr x) {
        return op(UnaryOp.SQRT, x);
    }

    /** {@code floor(x)} of a real. */
    public static RealExpr floor(RealExpr x) {
        return op(UnaryOp.FLOOR, x);
    }

    /** {@code ceil(x)} of a real. */
    public static RealExpr ceil(RealExpr x) {
        return op(UnaryOp.CEIL, x);
    }

    /** {@code -x}. */
    public static RealExpr neg(RealExpr x) {
        return op(UnaryOp.NEG, x);
    }

    /** {@code |x|}. */
    public static RealExpr abs(RealExpr x) {
        return op(UnaryOp.ABS, x);
    }

    /** The natural logarithm of {@code x}. */
    public static RealExpr log(RealExpr x) {
        return op(UnaryOp.LOG, x);
    }

    /** {@code sin(x)}. */
    public static RealExpr sin(RealExpr x) {
        return op(UnaryOp.SIN, x);
    }

    /** {@code tanh(x)}. */
    public static RealExpr tanh(RealExpr x) {
        return op(UnaryOp.TANH, x);
    }

    // ---- conditions and tables ----

    /** An integer comparison with constant folding. */
    public static BoolExpr compare(CompareOp op, IntExpr a, IntExpr b) {
        return new BoolExpr.IntCompare(op, a, b);
    }

    /** {@code a < b}. */
    public static BoolExpr lt(IntExpr a, long b) {
        return compare(CompareOp.LT, a, integer(b));
    }

    /** {@code a <= b}. */
    public static BoolExpr le(IntExpr a, long b) {
        return compare(CompareOp.LE, a, integer(b));
    }

    /** A real comparison. */
    public static BoolExpr compare(CompareOp op, RealExpr a, RealExpr b) {
        return new BoolExpr.RealCompare(op, a, b);
    }

    /** {@code condition ? whenTrue : whenFalse}, folded when the condition is constant. */
    public static RealExpr select(BoolExpr condition, RealExpr whenTrue, RealExpr whenFalse) {
        Boolean known = constantTruth(condition);
        if (known != null) {
            return known ? whenTrue : whenFalse;
        }
        if (condition instanceof BoolExpr.IntCompare c && c.right() instanceof IntExpr.Const k
                && k.value() > Long.MIN_VALUE && k.value() < Long.MAX_VALUE) {
            // Each branch only matters where the condition picks it: simplify it for that range of the operand.
            long v = k.value();
            long[] yes = IntRanges.where(c.op(), v, true);
            long[] no = IntRanges.where(c.op(), v, false);
            if (yes != null) {
                whenTrue = Narrowing.within(whenTrue, c.left(), yes[0], yes[1]);
            }
            if (no != null) {
                whenFalse = Narrowing.within(whenFalse, c.left(), no[0], no[1]);
            }
        }
        if (whenTrue.equals(whenFalse)) {
            return whenTrue;
        }
        return new RealExpr.Select(condition, whenTrue, whenFalse);
    }

    /**
     * {@code e} simplified for steps in {@code [lo, hi]}: selects, clamps, milestone counts and floor
     * divisions the range decides are gone, and every value in the range is unchanged, bit for bit.
     */
    public static RealExpr withinSteps(RealExpr e, long lo, long hi) {
        return Narrowing.within(e, step(), lo, hi);
    }

    /** {@code values[clamp(index)]}; a one-entry table or a constant index folds to a constant. */
    public static RealExpr lookup(double[] values, IntExpr index) {
        RealExpr.Lookup node = new RealExpr.Lookup(values, index);
        if (values.length == 1) {
            return real(values[0]);
        }
        if (index instanceof IntExpr.Const c) {
            return real(node.at(c.value()));
        }
        return node;
    }

    private static Boolean constantTruth(BoolExpr condition) {
        if (condition instanceof BoolExpr.IntCompare c
                && c.left() instanceof IntExpr.Const a && c.right() instanceof IntExpr.Const b) {
            return c.op().test(a.value(), b.value());
        }
        if (condition instanceof BoolExpr.RealCompare c
                && c.left() instanceof RealExpr.Const a && c.right() instanceof RealExpr.Const b) {
            return c.op().test(a.value(), b.value());
        }
        return null;
    }
}
