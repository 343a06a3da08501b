package org.sched4j.eval;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.Range;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import java.util.IdentityHashMap;
import java.util.Map;
import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.BoolExpr;
import org.sched4j.expr.Ex;
import org.sched4j.expr.Expr;
import org.sched4j.expr.ExprVisitor;
import org.sched4j.expr.IntExpr;
import org.sched4j.expr.RealExpr;

/**
 * The table evaluator: a schedule's values over a run of consecutive steps as one ND4J array, computed by
 * whole-vector ops on an exact INT64 step vector (MindSpore's {@code dynamic_lr} lists, for any schedule).
 *
 * <p>A long run is split where the schedule changes piece ({@link Ex#withinSteps}): on the steps of a warmup
 * the join's select is gone, past a cosine's end the value is one constant, and each piece is computed by a
 * few ops in cache-sized blocks whose intermediates come from one reused workspace.
 */
public final class TableEvaluator {
    /** The largest step a table may reach: steps are exact integers in double up to 2^53. */
    public static final long MAX_STEP = 1L << 53;
    /**
     * Steps per block: a block's intermediates (2 MiB each in double) stay in L2/L3 and come from one reused
     * workspace; smaller blocks pay ND4J's fixed cost per op call more often.
     */
    static final long BLOCK = 1L << 18;
    /** Runs no longer than this are not split further: the piece's select is cheaper than more pieces. */
    static final long MIN_PIECE = 1L << 12;
    private static final String WORKSPACE_ID = "sched4j-table";
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.STRICT).policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE).build();

    private TableEvaluator() {
    }

    /** The exact INT64 steps {@code start .. start + count - 1} ({@code Nd4j.arange} counts in float). */
    public static INDArray steps(long start, long count) {
        return Nd4j.exec(new Range(Nd4j.scalar(start), Nd4j.scalar(start + count), Nd4j.scalar(1L),
                DataType.LONG))[0];
    }

    /**
     * Values of {@code expr} at steps {@code start .. start + count - 1}, computed in double and returned as
     * {@code dataType}.
     *
     * @throws IllegalArgumentException if {@code start < 0}, {@code count < 0}, the range passes 2^53 or
     *     {@code dataType} is not a floating type
     */
    public static INDArray table(RealExpr expr, long start, long count, DataType dataType) {
        if (count < 0) {
            throw new IllegalArgumentException("count: must be >= 0 (got " + count + ")");
        }
        if (dataType == null || !dataType.isFPType()) {
            throw new IllegalArgumentException("dataType: must be a floating-point type (got " + dataType + ")");
        }
        checkRange(start, count);
        INDArray out = Nd4j.createUninitialized(dataType, count);
        fill(expr, start, out);
        return out;
    }

    /**
     * Writes the values of {@code expr} at steps {@code start, start + 1, ...} into {@code out}, a vector of a
     * floating type (one value per element), and returns it.
     *
     * @throws IllegalArgumentException if {@code out} is not a floating-point vector, {@code start < 0} or
     *     the range passes 2^53
     */
    public static INDArray fill(RealExpr expr, long start, INDArray out) {
        if (out == null || !out.dataType().isFPType() || !(out.isVector() || out.isScalar() || out.isEmpty())) {
            throw new IllegalArgumentException("out: must be a floating-point vector (got "
                    + (out == null ? null : out.dataType() + java.util.Arrays.toString(out.shape())) + ")");
        }
        long count = out.length();
        checkRange(start, count);
        if (count > 0) {
            INDArray flat = out.rank() == 1 ? out : Nd4j.createUninitialized(out.dataType(), count);
            fillPieces(expr, start, start + count - 1, flat, start);
            if (flat != out) {
                out.assign(flat.reshape(out.shape()));
            }
        }
        return out;
    }

    private static void checkRange(long start, long count) {
        if (start < 0) {
            throw new IllegalArgumentException("start: must be >= 0 (got " + start + ")");
        }
        if (start > MAX_STEP - count) {
            throw new IllegalArgumentException("start + count: must be <= 2^53 (got " + start + " + " + count + ")");
        }
    }

    /** Steps {@code lo..hi} (inclusive) of the table whose first step is {@code origin}, piece by piece. */
    private static void fillPieces(RealExpr expr, long lo, long hi, INDArray out, long origin) {
        RealExpr e = Ex.withinSteps(expr, lo, hi);
        INDArray part = out.get(NDArrayIndex.interval(lo - origin, hi - origin + 1));
        if (e instanceof RealExpr.Const c) {
            part.assign(c.value());
        } else if (hi - lo + 1 <= MIN_PIECE || !Pieces.in(e)) {
            fillBlocks(e, lo, hi - lo + 1, part);
        } else {
            long mid = lo + (hi - lo) / 2;
            fillPieces(e, lo, mid, out, origin);
            fillPieces(e, mid + 1, hi, out, origin);
        }
    }

    private static void fillBlocks(RealExpr e, long start, long count, INDArray out) {
        for (long from = 0; from < count; from += BLOCK) {
            long n = Math.min(BLOCK, count - from);
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID)) {
                out.get(NDArrayIndex.interval(from, from + n)).assign(block(e, start + from, n));
            }
        }
    }

    /** The double values at {@code count} steps from {@code start}, by whole-vector ops. */
    private static INDArray block(RealExpr e, long start, long count) {
        INDArray values = new VectorLowering<>(new NdArrayOps(steps(start, count))).lower(e);
        return values.rank() == 0 ? Nd4j.valueArrayOf(new long[] {count}, values.getDouble(0), DataType.DOUBLE)
                : values;
    }

    /** Whether an expression still changes piece within a run: a select, a clamp or a milestone count. */
    private static final class Pieces implements ExprVisitor<Boolean> {
        private final Map<Expr, Boolean> seen = new IdentityHashMap<>();

        private static boolean in(Expr e) {
            return new Pieces().any(e);
        }

        private boolean any(Expr... es) {
            for (Expr e : es) {
                Boolean r = seen.get(e);
                if (r == null) {
                    r = e.accept(this);
                    seen.put(e, r);
                }
                if (r) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Boolean step(IntExpr.Step n) {
            return false;
        }

        @Override
        public Boolean intConst(IntExpr.Const n) {
            return false;
        }

        @Override
        public Boolean intBinary(IntExpr.Binary n) {
            return n.op() == BinaryOp.MIN || n.op() == BinaryOp.MAX || any(n.left(), n.right());
        }

        @Override
        public Boolean countAtMost(IntExpr.CountAtMost n) {
            return true;
        }

        @Override
        public Boolean realConst(RealExpr.Const n) {
            return false;
        }

        @Override
        public Boolean toReal(RealExpr.ToReal n) {
            return any(n.value());
        }

        @Override
        public Boolean realUnary(RealExpr.Unary n) {
            return any(n.arg());
        }

        @Override
        public Boolean realBinary(RealExpr.Binary n) {
            return any(n.left(), n.right());
        }

        @Override
        public Boolean select(RealExpr.Select n) {
            return true;
        }

        @Override
        public Boolean lookup(RealExpr.Lookup n) {
            return true;
        }

        @Override
        public Boolean intCompare(BoolExpr.IntCompare n) {
            return true;
        }

        @Override
        public Boolean realCompare(BoolExpr.RealCompare n) {
            return true;
        }
    }
}
