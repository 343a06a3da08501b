package org.sched4j.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
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
 * The table evaluator: a schedule's values over a run of consecutive steps as one ND4J array (MindSpore's
 * {@code dynamic_lr} lists, for any schedule).
 *
 * <p>A long run is split where the schedule changes piece ({@link Ex#withinSteps}): on the steps of a warmup
 * the join's select is gone, past a cosine's end the value is one constant fill. Each other piece is lowered
 * onto {@link ColumnOps} (Java arrays, {@link Block#SIZE} steps at a time, loops the JIT vectorizes, the
 * cosines and exponentials of affine arguments by {@link Progressions}) and computed on the common
 * fork-join pool's threads, straight into the output's memory where it can ({@link TableSink}).
 */
public final class TableEvaluator {
    /** The largest step a table may reach: steps are exact integers in double up to 2^53. */
    public static final long MAX_STEP = 1L << 53;
    /** Runs no longer than this are not split further: the piece's select is cheaper than more pieces. */
    static final long MIN_PIECE = 1L << 12;
    /** Steps a thread takes at a time: tables of at most this many are computed on the calling thread. */
    static final long TASK = 1L << 16;
    /** Steps staged on the heap at a time where the output cannot be written directly. */
    static final int HEAP_CHUNK = 1 << 20;

    private TableEvaluator() {
    }

    /** The exact INT64 steps {@code start .. start + count - 1} ({@code Nd4j.arange} counts in float). */
    public static INDArray steps(long start, long count) {
        return Nd4j.exec(new Range(Nd4j.scalar(start), Nd4j.scalar(start + count), Nd4j.scalar(1L),
                DataType.LONG))[0];
    }

    /**
     * Values of {@code expr} at steps {@code start .. start + count - 1}, computed in double and returned as
     * {@code dataType} (the reductions of {@link Progressions} within 1e-11 relative for DOUBLE, 2e-8 for
     * narrower types, before the output's rounding; a FLOAT table computes a reduced column, and the constant
     * ops over it, in float32 within the same 2e-8).
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
        if (count == 0) {
            return out;
        }
        INDArray flat = out.rank() == 1 ? out : Nd4j.createUninitialized(out.dataType(), count);
        double budget = Progressions.budget(out.dataType());
        if (TableSink.directlyWritable(flat)) {
            fillRange(expr, start, count, budget, () -> TableSink.direct(flat));
        } else {
            double[] chunk = new double[(int) Math.min(count, HEAP_CHUNK)];
            for (long from = 0; from < count; from += chunk.length) {
                int n = (int) Math.min(chunk.length, count - from);
                fillRange(expr, start + from, n, budget, () -> TableSink.heap(chunk));
                INDArray staged = Nd4j.createFromArray(chunk);
                flat.get(NDArrayIndex.interval(from, from + n))
                        .assign(n == chunk.length ? staged : staged.get(NDArrayIndex.interval(0, n)));
            }
        }
        if (flat != out) {
            out.assign(flat.reshape(out.shape()));
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

    /** A run of steps {@code lo..hi} (inclusive) over which the narrowed expression {@code e} holds. */
    private record Piece(RealExpr e, long lo, long hi) {
    }

    /**
     * Steps {@code start .. start + count - 1} into the sinks (element 0 is step {@code start}): constant
     * pieces by one fill; the other steps cut into chunks of {@link #TASK} steps that the caller and the common
     * pool's threads take in turn, each thread with its own sink (the caller's also takes the constant fills).
     */
    private static void fillRange(RealExpr expr, long start, long count, double budget,
            Supplier<TableSink> sinks) {
        List<Piece> pieces = new ArrayList<>();
        split(expr, start, start + count - 1, pieces);
        TableSink own = sinks.get();
        List<Piece> varying = new ArrayList<>();
        for (Piece p : pieces) {
            if (p.e() instanceof RealExpr.Const c) {
                own.fill(p.lo() - start, p.hi() - p.lo() + 1, c.value());
            } else {
                varying.add(p);
            }
        }
        List<Piece> chunks = chunks(varying);
        AtomicInteger next = new AtomicInteger();
        List<ForkJoinTask<?>> helpers = new ArrayList<>();
        for (int i = Math.min(ForkJoinPool.getCommonPoolParallelism(), chunks.size() - 1); i > 0; i--) {
            helpers.add(ForkJoinTask.adapt(() -> drain(chunks, next, start, budget, sinks.get())).fork());
        }
        drain(chunks, next, start, budget, own);
        for (int i = helpers.size() - 1; i >= 0; i--) {
            helpers.get(i).join();
        }
    }

    /** The pieces cut, in order, into chunks of at most {@link #TASK} steps. */
    private static List<Piece> chunks(List<Piece> pieces) {
        List<Piece> chunks = new ArrayList<>();
        for (Piece p : pieces) {
            for (long lo = p.lo(); lo <= p.hi(); lo += TASK) {
                chunks.add(new Piece(p.e(), lo, Math.min(p.hi(), lo + TASK - 1)));
            }
        }
        return chunks;
    }

    /**
     * Takes the next chunk until none is left, so a thread that starts late (on this 2-vCPU machine a parked
     * pool thread sometimes wakes milliseconds after the fork) takes only what is left. Each piece is lowered
     * onto columns once per thread (their reductions within {@code budget}, see {@link Progressions}), then
     * computed block by block into the sink.
     */
    private static void drain(List<Piece> chunks, AtomicInteger next, long origin, double budget, TableSink sink) {
        RealExpr lowered = null;
        Block block = null;
        RealColumn values = null;
        for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
            Piece chunk = chunks.get(i);
            if (chunk.e() != lowered) {
                lowered = chunk.e();
                block = new Block(budget);
                values = (RealColumn) new VectorLowering<>(new ColumnOps(block)).lower(lowered);
            }
            for (long from = chunk.lo(); from <= chunk.hi(); from += Block.SIZE) {
                int n = (int) Math.min(Block.SIZE, chunk.hi() - from + 1);
                block.moveTo(from, n);
                sink.write(from - origin, values, n);
            }
        }
    }

    /** Narrows {@code expr} to steps {@code lo..hi} and halves the run until each part is one piece. */
    private static void split(RealExpr expr, long lo, long hi, List<Piece> out) {
        RealExpr e = Ex.withinSteps(expr, lo, hi);
        if (e instanceof RealExpr.Const || hi - lo + 1 <= MIN_PIECE || !Pieces.in(e)) {
            out.add(new Piece(e, lo, hi));
        } else {
            long mid = lo + (hi - lo) / 2;
            split(e, lo, mid, out);
            split(e, mid + 1, hi, out);
        }
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
