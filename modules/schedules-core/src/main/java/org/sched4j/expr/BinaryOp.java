package org.sched4j.expr;

/** Binary operators of the expression tree, with their reference (scalar) semantics. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, MIN, MAX, FLOOR_DIV, FLOOR_MOD;

    /** Double-precision semantics; the reference every evaluator must match. */
    public double apply(double a, double b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case POW: return Math.pow(a, b);
            case MIN: return Math.min(a, b);
            case MAX: return Math.max(a, b);
            case FLOOR_DIV: return Math.floor(a / b);
            case FLOOR_MOD: return a - b * Math.floor(a / b);
            default: throw new AssertionError(this);
        }
    }

    /** Exact integer semantics (floor division and modulo round toward negative infinity). */
    public long apply(long a, long b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case MIN: return Math.min(a, b);
            case MAX: return Math.max(a, b);
            case FLOOR_DIV: return Math.floorDiv(a, b);
            case FLOOR_MOD: return Math.floorMod(a, b);
            default: throw new IllegalArgumentException(this + " is not an integer operator");
        }
    }

    /** Whether the operator is defined on integers (DIV and POW produce reals). */
    public boolean isIntegerOp() {
        return this != DIV && this != POW;
    }
}
