package org.sched4j.expr;

/** Unary real functions of the expression tree, with their reference (scalar) semantics. */
public enum UnaryOp {
    NEG, EXP, LOG, SQRT, COS, SIN, TANH, ABS, FLOOR, CEIL;

    /** Double-precision semantics; the reference every evaluator must match. */
    public double apply(double x) {
        switch (this) {
            case NEG: return -x;
            case EXP: return Math.exp(x);
            case LOG: return Math.log(x);
            case SQRT: return Math.sqrt(x);
            case COS: return Math.cos(x);
            case SIN: return Math.sin(x);
            case TANH: return Math.tanh(x);
            case ABS: return Math.abs(x);
            case FLOOR: return Math.floor(x);
            case CEIL: return Math.ceil(x);
            default: throw new AssertionError(this);
        }
    }
}
