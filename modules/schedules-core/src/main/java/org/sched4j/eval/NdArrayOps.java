package org.sched4j.eval;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.impl.controlflow.Where;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarDivision;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseDivision;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarSubtraction;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.transforms.custom.EqualTo;
import org.nd4j.linalg.api.ops.impl.transforms.custom.GreaterThan;
import org.nd4j.linalg.api.ops.impl.transforms.custom.GreaterThanOrEqual;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LessThan;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LessThanOrEqual;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Max;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Min;
import org.nd4j.linalg.api.ops.impl.transforms.custom.NotEqualTo;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Pow;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.FloorDivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.CompareOp;
import org.sched4j.expr.UnaryOp;

/** {@link VectorOps} on eager ND4J arrays: each primitive is one ND4J op over the whole step vector. */
final class NdArrayOps implements VectorOps<INDArray> {
    /** Rows of the [rows, boundaries] comparison matrix built at once by {@link #countAtMost}. */
    private static final long COUNT_CHUNK_CELLS = 1L << 22;

    private final INDArray step;

    NdArrayOps(INDArray step) {
        this.step = step;
    }

    private static INDArray exec(CustomOp op) {
        return Nd4j.exec(op)[0];
    }

    @Override
    public INDArray step() {
        return step;
    }

    @Override
    public INDArray real(double value) {
        return Nd4j.scalar(value);
    }

    @Override
    public INDArray integer(long value) {
        return Nd4j.scalar(value);
    }

    @Override
    public INDArray reals(double[] values) {
        return Nd4j.createFromArray(values);
    }

    @Override
    public INDArray integers(long[] values) {
        return Nd4j.createFromArray(values);
    }

    /**
     * With one rank-0 operand the op is a scalar op: ND4J broadcasts a rank-0 array through its generic
     * pairwise path at about 30x the cost of the scalar op, with the same arithmetic.
     */
    @Override
    public INDArray binary(BinaryOp op, INDArray a, INDArray b) {
        if (b.rank() == 0 && a.rank() > 0) {
            INDArray z = a.ulike();
            Number k = number(b);
            switch (op) {
                case ADD: return Nd4j.exec(new ScalarAdd(a, null, z, k));
                case SUB: return Nd4j.exec(new ScalarSubtraction(a, null, z, k));
                case MUL: return Nd4j.exec(new ScalarMultiplication(a, null, z, k));
                case DIV: return Nd4j.exec(new ScalarDivision(a, null, z, k));
                case MIN: return Nd4j.exec(new ScalarMin(a, null, z, k));
                case MAX: return Nd4j.exec(new ScalarMax(a, null, z, k));
                default: break;
            }
        }
        if (a.rank() == 0 && b.rank() > 0) {
            INDArray z = b.ulike();
            Number k = number(a);
            switch (op) {
                case ADD: return Nd4j.exec(new ScalarAdd(b, null, z, k));
                case SUB: return Nd4j.exec(new ScalarReverseSubtraction(b, null, z, k));
                case MUL: return Nd4j.exec(new ScalarMultiplication(b, null, z, k));
                case DIV: return Nd4j.exec(new ScalarReverseDivision(b, null, z, k));
                case MIN: return Nd4j.exec(new ScalarMin(b, null, z, k));
                case MAX: return Nd4j.exec(new ScalarMax(b, null, z, k));
                default: break;
            }
        }
        switch (op) {
            case ADD: return exec(new AddOp(a, b));
            case SUB: return exec(new SubOp(a, b));
            case MUL: return exec(new MulOp(a, b));
            case DIV: return exec(new DivOp(a, b));
            case POW: return exec(new Pow(a, b));
            case MIN: return exec(new Min(a, b));
            case MAX: return exec(new Max(a, b));
            case FLOOR_DIV: return exec(new FloorDivOp(a, b));
            default: throw new AssertionError(op);
        }
    }

    /** A rank-0 operand's value, exact for integers. */
    private static Number number(INDArray scalar) {
        return scalar.dataType().isIntType() ? (Number) scalar.getLong(0) : (Number) scalar.getDouble(0);
    }

    @Override
    public INDArray unary(UnaryOp op, INDArray x) {
        switch (op) {
            case NEG: return x.neg();
            case EXP: return Transforms.exp(x, true);
            case LOG: return Transforms.log(x, true);
            case SQRT: return Transforms.sqrt(x, true);
            case COS: return Transforms.cos(x, true);
            case SIN: return Transforms.sin(x, true);
            case TANH: return Transforms.tanh(x, true);
            case ABS: return Transforms.abs(x, true);
            case FLOOR: return Transforms.floor(x, true);
            case CEIL: return Transforms.ceil(x, true);
            default: throw new AssertionError(op);
        }
    }

    @Override
    public INDArray toReal(INDArray x) {
        return x.castTo(DataType.DOUBLE);
    }

    @Override
    public INDArray compare(CompareOp op, INDArray a, INDArray b) {
        switch (op) {
            case LT: return exec(new LessThan(a, b));
            case LE: return exec(new LessThanOrEqual(a, b));
            case GT: return exec(new GreaterThan(a, b));
            case GE: return exec(new GreaterThanOrEqual(a, b));
            case EQ: return exec(new EqualTo(a, b));
            case NE: return exec(new NotEqualTo(a, b));
            default: throw new AssertionError(op);
        }
    }

    @Override
    public INDArray select(INDArray condition, INDArray a, INDArray b) {
        long[] shape = condition.shape();
        return exec(new Where(new INDArray[] {condition, fill(a, shape), fill(b, shape)}, null));
    }

    @Override
    public INDArray gather(INDArray table, INDArray index) {
        return exec(new Gather(table, index, 0));
    }

    @Override
    public INDArray countAtMost(INDArray x, INDArray boundaries) {
        long n = x.length();
        long k = boundaries.length();
        INDArray column = x.reshape(n, 1);
        long rows = Math.max(1, COUNT_CHUNK_CELLS / Math.max(1, k));
        if (n <= rows) {
            return count(column, boundaries).reshape(x.shape());
        }
        INDArray out = Nd4j.createUninitialized(DataType.LONG, n);
        for (long from = 0; from < n; from += rows) {
            long to = Math.min(n, from + rows);
            INDArray part = column.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            out.get(NDArrayIndex.interval(from, to)).assign(count(part, boundaries));
        }
        return out.reshape(x.shape());
    }

    /**
     * {@code [rows, 1] >= [1, k]}: the boundaries go in as a row, since ND4J takes a [1, 1] column (a one-step
     * table) for a scalar and fails to broadcast it against a [k] vector.
     */
    private static INDArray count(INDArray column, INDArray boundaries) {
        INDArray row = boundaries.reshape(1, boundaries.length());
        return exec(new GreaterThanOrEqual(column, row)).castTo(DataType.LONG).sum(1);
    }

    /** {@code v} spread to {@code shape}; ND4J's broadcast leaves a scalar rank 0 when the shape is [1]. */
    private static INDArray fill(INDArray v, long[] shape) {
        if (java.util.Arrays.equals(v.shape(), shape)) {
            return v;
        }
        return v.rank() == 0 ? Nd4j.valueArrayOf(shape, v.getDouble(0), v.dataType()) : v.broadcast(shape);
    }
}
