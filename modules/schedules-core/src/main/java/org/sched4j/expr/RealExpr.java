package org.sched4j.expr;

import java.util.Arrays;

/** A double-precision expression: the value a schedule produces. */
public sealed interface RealExpr extends Expr
        permits RealExpr.Const, RealExpr.ToReal, RealExpr.Unary, RealExpr.Binary, RealExpr.Select, RealExpr.Lookup {

    /** A real literal. */
    record Const(double value) implements RealExpr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.realConst(this);
        }
    }

    /** An integer expression converted to double (exact up to 2^53). */
    record ToReal(IntExpr value) implements RealExpr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.toReal(this);
        }
    }

    /** A unary function. */
    record Unary(UnaryOp op, RealExpr arg) implements RealExpr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.realUnary(this);
        }
    }

    /** A binary operation on reals. */
    record Binary(BinaryOp op, RealExpr left, RealExpr right) implements RealExpr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.realBinary(this);
        }
    }

    /** {@code condition ? whenTrue : whenFalse}; only the chosen branch matters for the result. */
    record Select(BoolExpr condition, RealExpr whenTrue, RealExpr whenFalse) implements RealExpr {
        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.select(this);
        }
    }

    /** {@code values[clamp(index, 0, values.length - 1)]}: a table of constants indexed by an integer. */
    record Lookup(double[] values, IntExpr index) implements RealExpr {
        public Lookup {
            if (values.length == 0) {
                throw new IllegalArgumentException("a lookup needs at least one value");
            }
            values = values.clone();
        }

        /** A copy of the table. */
        @Override
        public double[] values() {
            return values.clone();
        }

        /** The reference semantics: the value at the clamped index. */
        public double at(long i) {
            return values[(int) Math.max(0, Math.min(values.length - 1, i))];
        }

        /** The number of entries. */
        public int size() {
            return values.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Lookup l && l.index.equals(index) && Arrays.equals(l.values, values);
        }

        @Override
        public int hashCode() {
            return 31 * index.hashCode() + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Lookup[values=" + Arrays.toString(values) + ", index=" + index + "]";
        }

        @Override
        public <R> R accept(ExprVisitor<R> v) {
            return v.lookup(this);
        }
    }
}
