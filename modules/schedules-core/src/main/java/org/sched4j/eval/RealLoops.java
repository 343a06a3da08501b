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

    /** {@code op(x[j], k)} for an operator other than ADD, SUB and MUL (those are {@link MappedColumn}s). */
    static void withConstant(BinaryOp op, double[] x, double k, double[] out, int n) {
        switch (op) {
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

    /** {@code op(k, y[j])} for DIV, MIN or MAX (ADD, SUB and MUL are {@link MappedColumn}s). */
    static void constantWith(BinaryOp op, double k, double[] y, double[] out, int n) {
        switch (op) {
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
