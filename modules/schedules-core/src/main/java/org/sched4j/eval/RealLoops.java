package org.sched4j.eval;

import org.sched4j.expr.BinaryOp;

/**
 * The loops of a binary op over a block's arrays, one per operator and operand shape, so that the JIT
 * vectorizes the arithmetic ones; each computes {@link BinaryOp#apply(double, double)} bit for bit.
 */
final class RealLoops {
    private RealLoops() {
    }

    /** {@code op(x[j], y[j])}: one loop per operator, so the JIT vectorizes the arithmetic ones. */
    static void elementwise(BinaryOp op, double[] x, double[] y, double[] out, int n) {
        switch (op) {
            case ADD:
                for (int j = 0; j < n; j++) {
                    out[j] = x[j] + y[j];
                }
                break;
            case SUB:
                for (int j = 0; j < n; j++) {
                    out[j] = x[j] - y[j];
                }
                break;
            case MUL:
                for (int j = 0; j < n; j++) {
                    out[j] = x[j] * y[j];
                }
                break;
            case DIV:
                for (int j = 0; j < n; j++) {
                    out[j] = x[j] / y[j];
                }
                break;
            default:
                for (int j = 0; j < n; j++) {
                    out[j] = op.apply(x[j], y[j]);
                }
                break;
        }
    }

    /** {@code op(x[j], k)}. */
    static void withConstant(BinaryOp op, double[] x, double k, double[] out, int n) {
        switch (op) {
            case ADD:
                for (int j = 0; j < n; j++) {
                    out[j] = x[j] + k;
                }
                break;
            case SUB:
                for (int j = 0; j < n; j++) {
                    out[j] = x[j] - k;
                }
                break;
            case MUL:
                for (int j = 0; j < n; j++) {
                    out[j] = x[j] * k;
                }
                break;
            case DIV:
                for (int j = 0; j < n; j++) {
                    out[j] = x[j] / k;
                }
                break;
            default:
                for (int j = 0; j < n; j++) {
                    out[j] = op.apply(x[j], k);
                }
                break;
        }
    }

    /** {@code op(k, y[j])} for an operator other than POW, FLOOR_DIV and FLOOR_MOD. */
    static void constantWith(BinaryOp op, double k, double[] y, double[] out, int n) {
        switch (op) {
            case ADD:
                for (int j = 0; j < n; j++) {
                    out[j] = k + y[j];
                }
                break;
            case SUB:
                for (int j = 0; j < n; j++) {
                    out[j] = k - y[j];
                }
                break;
            case MUL:
                for (int j = 0; j < n; j++) {
                    out[j] = k * y[j];
                }
                break;
            case DIV:
                for (int j = 0; j < n; j++) {
                    out[j] = k / y[j];
                }
                break;
            default:
                for (int j = 0; j < n; j++) {
                    out[j] = op.apply(k, y[j]);
                }
                break;
        }
    }
}
