package org.sched4j.eval;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.CompareOp;
import org.sched4j.expr.UnaryOp;

/** {@link VectorOps} as SameDiff ops: the lowered schedule runs inside a graph, on CPU or CUDA. */
final class SameDiffOps implements VectorOps<SDVariable> {
    private final SameDiff sd;
    private final SDVariable step;
    private SDVariable zeros;

    SameDiffOps(SameDiff sd, SDVariable step) {
        this.sd = sd;
        this.step = step;
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

    @Override
    public SDVariable integers(long[] values) {
        return sd.constant(Nd4j.createFromArray(values));
    }

    @Override
    public SDVariable binary(BinaryOp op, SDVariable a, SDVariable b) {
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
     * so has its shape; a rank-0 constant is spread to that shape.
     */
    private SDVariable likeStep(SDVariable v) {
        if (!v.isConstant()) {
            return v;
        }
        if (zeros == null) {
            zeros = sd.castTo(sd.zerosLike(step), DataType.DOUBLE);
        }
        return zeros.add(v);
    }

    @Override
    public SDVariable gather(SDVariable table, SDVariable index) {
        return sd.gather(table, index, 0);
    }

    @Override
    public SDVariable countAtMost(SDVariable x, SDVariable boundaries) {
        // x >= b as the integer min(max(x - b + 1, 0), 1): SameDiff's boolean comparison of a one-element
        // step vector ([1, 1]) with the boundaries ([k]) fails on a wrongly inferred output shape.
        SDVariable above = sd.expandDims(x, -1).sub(sd.constant(boundaries.getArr().sub(1L)));
        return sd.sum(sd.math.min(sd.math.max(above, sd.constant(0L)), sd.constant(1L)), -1);
    }
}
