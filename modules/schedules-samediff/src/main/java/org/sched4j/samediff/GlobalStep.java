package org.sched4j.samediff;

import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sched4j.schedule.Schedule;

/**
 * The training step inside a SameDiff graph (TensorFlow's and MindSpore's {@code global_step}): an INT64
 * variable that schedules read, and the op {@code <name>/next} that advances it. A placeholder of shape []
 * (one step per call) or [N] (many steps in one call) works too; its value is fed rather than stored.
 */
public final class GlobalStep {
    /** The variable's name unless another is given. */
    public static final String NAME = "global_step";
    /** What the advancing op's name adds to the step's name. */
    public static final String NEXT_SUFFIX = "/next";

    private final SameDiff sd;
    private final SDVariable step;
    private final SDVariable next;

    private GlobalStep(SameDiff sd, SDVariable step) {
        this.sd = sd;
        this.step = step;
        String nextName = step.name() + NEXT_SUFFIX;
        this.next = sd.hasVariable(nextName) ? sd.getVariable(nextName) : step.add(nextName, sd.constant(1L));
    }

    /** A new INT64 scalar variable {@value #NAME} starting at 0. */
    public static GlobalStep create(SameDiff sd) {
        return create(sd, NAME, 0);
    }

    /**
     * A new INT64 scalar variable starting at {@code initial} (a resumed run).
     *
     * @throws IllegalArgumentException if {@code initial < 0} or the name is taken
     */
    public static GlobalStep create(SameDiff sd, String name, long initial) {
        Objects.requireNonNull(sd, "sd");
        if (initial < 0) {
            throw new IllegalArgumentException("initial: must be >= 0 (got " + initial + ")");
        }
        if (sd.hasVariable(name)) {
            throw new IllegalArgumentException("name: " + name + " is already a variable of this graph; use of(sd, name)");
        }
        return new GlobalStep(sd, sd.var(name, Nd4j.scalar(initial)));
    }

    /**
     * An INT64 step placeholder of shape [] ({@code shape} empty) or [N] ({@code -1} or a fixed length), for
     * feeding the step with each call.
     */
    public static GlobalStep placeholder(SameDiff sd, String name, long... shape) {
        if (shape.length > 1) {
            throw new IllegalArgumentException("shape: must be [] or [N] (got " + java.util.Arrays.toString(shape) + ")");
        }
        return new GlobalStep(sd, sd.placeHolder(name, DataType.INT64, shape));
    }

    /**
     * The step already in a graph, e.g. after {@code SameDiff.load}: an INT64 variable or placeholder; its
     * {@code <name>/next} op is reused when present.
     *
     * @throws IllegalArgumentException if there is no such INT64 variable or placeholder
     */
    public static GlobalStep of(SameDiff sd, String name) {
        if (!sd.hasVariable(name)) {
            throw new IllegalArgumentException("name: no variable " + name + " in this graph");
        }
        SDVariable v = sd.getVariable(name);
        if (v.dataType() != DataType.INT64
                || v.getVariableType() != VariableType.VARIABLE && v.getVariableType() != VariableType.PLACEHOLDER) {
            throw new IllegalArgumentException("name: " + name + " must be an INT64 variable or placeholder (got "
                    + v.getVariableType() + " " + v.dataType() + ")");
        }
        return new GlobalStep(sd, v);
    }

    /** The step variable (or placeholder) schedules read. */
    public SDVariable variable() {
        return step;
    }

    /** The op computing the step plus one, named {@code <name>/next}. */
    public SDVariable next() {
        return next;
    }

    /** Whether the step is fed with each call rather than stored in the graph. */
    public boolean isPlaceholder() {
        return step.getVariableType() == VariableType.PLACEHOLDER;
    }

    /** The schedule's value at this step, as FLOAT ops of the graph. */
    public SDVariable valueOf(Schedule schedule) {
        return schedule.toGraph(sd, step, DataType.FLOAT);
    }

    /** The schedule's value at this step, as ops of the graph producing {@code dataType}. */
    public SDVariable valueOf(Schedule schedule, DataType dataType) {
        return schedule.toGraph(sd, step, dataType);
    }

    /** The stored step. */
    public long get() {
        return stored().getLong(0);
    }

    /** Stores {@code value} as the step (a resumed run), in place. */
    public void set(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("value: must be >= 0 (got " + value + ")");
        }
        stored().assign(value);
    }

    /** Runs the {@code next} op in the graph and stores its result as the step, on the graph's device. */
    public void increment() {
        INDArray stepArray = stored();
        stepArray.assign(sd.output(Map.of(), next.name()).get(next.name()));
    }

    /** Stores a value of {@code next} computed along with other outputs (one {@code sd.output} call per step). */
    public void store(INDArray nextValue) {
        stored().assign(nextValue);
    }

    private INDArray stored() {
        if (isPlaceholder()) {
            throw new IllegalStateException(step.name() + " is a placeholder: its value is fed with each call, not "
                    + "stored");
        }
        return step.getArr();
    }
}
