package org.sched4j.expr;

/** Comparison operators of the expression tree. */
public enum CompareOp {
    LT, LE, GT, GE, EQ, NE;

    /** Integer semantics. */
    public boolean test(long a, long b) {
        switch (this) {
            case LT: return a < b;
            case LE: return a <= b;
            case GT: return a > b;
            case GE: return a >= b;
            case EQ: return a == b;
            case NE: return a != b;
            default: throw new AssertionError(this);
        }
    }

    /** Real semantics (IEEE: any comparison with NaN but NE is false). */
    public boolean test(double a, double b) {
        switch (this) {
            case LT: return a < b;
            case LE: return a <= b;
            case GT: return a > b;
            case GE: return a >= b;
            case EQ: return a == b;
            case NE: return a != b;
            default: throw new AssertionError(this);
        }
    }
}
