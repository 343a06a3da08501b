package org.sched4j.eval;

import org.sched4j.expr.BinaryOp;
import org.sched4j.expr.CompareOp;
import org.sched4j.expr.UnaryOp;

/**
 * {@link VectorOps} on Java arrays, one {@link Block} of steps at a time: the table evaluator's backend.
 * Each primitive is a loop the JIT vectorizes over the block, with the scalar evaluator's arithmetic;
 * columns are computed lazily, so an affine argument that only feeds a {@link Progressions} reduction is
 * never filled.
 */
final class ColumnOps implements VectorOps<Column> {
    private final Block block;

    ColumnOps(Block block) {
        this.block = block;
    }

    @Override
    public Column step() {
        return LongColumn.step(block);
    }

    @Override
    public Column real(double value) {
        return RealColumn.constant(block, value);
    }

    @Override
    public Column integer(long value) {
        return LongColumn.constant(block, value);
    }

    @Override
    public Column reals(double[] values) {
        return new Column.Constants(block, values.clone());
    }

    @Override
    public Column integers(long[] values) {
        return new Column.Constants(block, values.clone());
    }

    @Override
    public Column binary(BinaryOp op, Column a, Column b) {
        if (a instanceof LongColumn x) {
            return LongColumn.binary(op, x, (LongColumn) b);
        }
        return RealColumn.binary(op, (RealColumn) a, (RealColumn) b);
    }

    @Override
    public Column unary(UnaryOp op, Column x) {
        return RealColumn.unary(op, (RealColumn) x);
    }

    @Override
    public Column toReal(Column x) {
        return RealColumn.toReal((LongColumn) x);
    }

    @Override
    public Column compare(CompareOp op, Column a, Column b) {
        if (a instanceof LongColumn x) {
            return BoolColumn.compare(op, x, (LongColumn) b);
        }
        return BoolColumn.compare(op, (RealColumn) a, (RealColumn) b);
    }

    @Override
    public Column select(Column condition, Column a, Column b) {
        return RealColumn.select((BoolColumn) condition, (RealColumn) a, (RealColumn) b);
    }

    @Override
    public Column gather(Column table, Column index) {
        return RealColumn.gather((double[]) ((Column.Constants) table).values, (LongColumn) index);
    }

    @Override
    public Column countAtMost(Column x, Column boundaries) {
        return LongColumn.countAtMost((LongColumn) x, (long[]) ((Column.Constants) boundaries).values);
    }
}
