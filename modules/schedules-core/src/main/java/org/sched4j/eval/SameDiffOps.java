package org.sched4j.eval;

import java.util.IdentityHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.CompareOp;
import org.sched4j.expr.UnaryOp;

/** {@link VectorOps} as SameDiff ops: the lowered schedule runs inside a graph, on CPU or CUDA. */
final class SameDiffOps implements VectorOps<SDVariable> {
    /** Integers up to 2^53 in magnitude are exact as the double a scalar op carries. */
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    private final SameDiff sd;
    private final SDVariable step;
    private final int stepRank;
    private final Map<SDVariable, SDVariable> spread = new IdentityHashMap<>();
    private SDVariable zeros;

    /**
     * @param step the INT64 step
     * @param stepRank the step's rank (0 or 1) when known at build time, else -1
     */
    SameDiffOps(SameDiff sd, SDVariable step, int stepRank) {
        this.sd = sd;
        this.step = step;
        this.stepRank = stepRank;
    }

    @Override
    public SDVariable step() {
        return step;
    }

    @Override
    public SDVariable real(double value) {
        return sd.constant(Nd4j.scalar(value));
    }

    @Override
    public SDVariable integer(long value) {
        return sd.constant(Nd4j.scalar(value));
    }

    @Override
    public SDVariable reals(double[] values) {
        return sd.constant(Nd4j.createFromArray(values));
    }

    /** Boundaries for {@link #countAtMost}: a scalar for one, else a [k] vector for a scalar step or a [1, k] row. */
    @Override
    public SDVariable integers(long[] values) {
        INDArray v = values.length == 1 ? Nd4j.scalar(values[0]) : Nd4j.createFromArray(values);
        return sd.constant(stepRank == 0 || values.length == 1 ? v : v.reshape(1, values.length));
    }

    /**
     * With one scalar constant operand the op is a scalar op (the constant rides in the op): SameDiff runs it
     * in about half the time of the pairwise op with a constant variable, with the same arithmetic.
     */
    @Override
    public SDVariable binary(BinaryOp op, SDVariable a, SDVariable b) {
        Double kb = scalarConstant(b);
        Double ka = scalarConstant(a);
        if (kb != null && ka == null) {
            switch (op) {
                case ADD: return a.add(kb);
                case SUB: return a.sub(kb);
                case MUL: return a.mul(kb);
                case DIV: return a.div(kb);
                case MIN: return sd.scalarMin(a, kb);
                case MAX: return sd.scalarMax(a, kb);
                default: break;
            }
        }
        if (ka != null && kb == null) {
            switch (op) {
                case ADD: return b.add(ka);
                case SUB: return b.rsub(ka);
                case MUL: return b.mul(ka);
                case DIV: return b.rdiv(ka);
                case MIN: return sd.scalarMin(b, ka);
                case MAX: return sd.scalarMax(b, ka);
                default: break;
            }
        }
        switch (op) {
            case ADD: return a.add(b);
            case SUB: return a.sub(b);
            case MUL: return a.mul(b);
            case DIV: return a.div(b);
            case POW: return sd.math.pow(a, b);
            case MIN: return sd.math.min(a, b);
            case MAX: return sd.math.max(a, b);
            case FLOOR_DIV: return sd.math.floorDiv(a, b);
            default: throw new AssertionError(op);
        }
    }

    /** The value of a rank-0 constant a scalar op can carry exactly, else null. */
    private static Double scalarConstant(SDVariable v) {
        if (!v.isConstant() || v.getArr().rank() != 0) {
            return null;
        }
        INDArray c = v.getArr();
        if (!c.dataType().isIntType()) {
            return c.getDouble(0);
        }
        long value = c.getLong(0);
        return Math.abs(value) <= EXACT_IN_DOUBLE ? (double) value : null;
    }

    @Override
    public SDVariable unary(UnaryOp op, SDVariable x) {
        switch (op) {
            case NEG: return sd.math.neg(x);
            case EXP: return sd.math.exp(x);
            case LOG: return sd.math.log(x);
            case SQRT: return sd.math.sqrt(x);
            case COS: return sd.math.cos(x);
            case SIN: return sd.math.sin(x);
            case TANH: return sd.math.tanh(x);
            case ABS: return sd.math.abs(x);
            case FLOOR: return sd.math.floor(x);
            case CEIL: return sd.math.ceil(x);
            default: throw new AssertionError(op);
        }
    }

    @Override
    public SDVariable toReal(SDVariable x) {
        return sd.castTo(x, DataType.DOUBLE);
    }

    @Override
    public SDVariable compare(CompareOp op, SDVariable a, SDVariable b) {
        Double kb = scalarConstant(b);
        if (kb != null && scalarConstant(a) == null) {
            switch (op) {
                case LT: return sd.lt(a, kb);
                case LE: return sd.lte(a, kb);
                case GT: return sd.gt(a, kb);
                case GE: return sd.gte(a, kb);
                default: break;
            }
        }
        switch (op) {
            case LT: return sd.lt(a, b);
            case LE: return sd.lte(a, b);
            case GT: return sd.gt(a, b);
            case GE: return sd.gte(a, b);
            case EQ: return sd.eq(a, b);
            case NE: return sd.neq(a, b);
            default: throw new AssertionError(op);
        }
    }

    @Override
    public SDVariable select(SDVariable condition, SDVariable a, SDVariable b) {
        return sd.where(likeStep(a), likeStep(b), condition);
    }

    /**
     * SameDiff's where does not broadcast. Every non-constant value derives elementwise from the step and
     * so has its shape; a rank-0 constant is spread to that shape (once per constant).
     */
    private SDVariable likeStep(SDVariable v) {
        if (!v.isConstant()) {
            return v;
        }
        return spread.computeIfAbsent(v, c -> {
            if (zeros == null) {
                zeros = sd.castTo(sd.zerosLike(step), DataType.DOUBLE);
            }
            return zeros.add(c);
        });
    }

    @Override
    public SDVariable gather(SDVariable table, SDVariable index) {
        return sd.gather(table, index, 0);
    }

    /**
     * Compares {@code x} as a column with the boundaries and counts along the row. ND4J treats a [1, 1] array
     * as a scalar when broadcasting, so against a [k] vector a one-step vector fails (or collapses to a
     * scalar), and a [1, 1] boundary row breaks the sum: one boundary is a plain comparison, a vector step
     * meets a [1, k] row, and when the rank is not known at build time the count is reshaped to the step's
     * shape.
     */
    @Override
    public SDVariable countAtMost(SDVariable x, SDVariable boundaries) {
        if (boundaries.getArr().rank() == 0) {
            return sd.castTo(sd.gte(x, boundaries), DataType.LONG);
        }
        SDVariable count = sd.sum(sd.castTo(sd.gte(sd.expandDims(x, -1), boundaries), DataType.LONG), -1);
        return stepRank >= 0 ? count : sd.reshape(count, sd.shape(step));
    }
}
