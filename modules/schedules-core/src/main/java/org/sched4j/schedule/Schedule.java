package org.sched4j.schedule;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongToDoubleFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect.Visibility;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.sched4j.eval.GraphEvaluator;
import org.sched4j.eval.ScalarEvaluator;
import org.sched4j.eval.TableEvaluator;
import org.sched4j.expr.Ex;
import org.sched4j.expr.RealExpr;
import org.sched4j.spec.Args;
import org.sched4j.spec.Json;
import org.sched4j.spec.Param;
import org.sched4j.spec.SpecException;
import org.sched4j.spec.SpecWritable;

/**
 * A sched4j schedule: an immutable {@link ISchedule} for DL4J updaters, built from one {@link ScheduleType}
 * definition that also evaluates as an ND4J table ({@link #table}) and as SameDiff ops ({@link #toGraph}).
 *
 * <p>In JSON (DL4J configurations included) a schedule is {@code {"@class": ..., "spec": {...}}}; the spec
 * is parsed against the closed list of {@link ScheduleTypes}. Equal specs give equal schedules.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
public final class Schedule implements ISchedule, SpecWritable {
    private static final long serialVersionUID = 1L;

    private final transient ScheduleType type;
    private final transient Args args;
    private final transient Unit unit;
    private final transient long stepsPerEpoch;
    /** Whether {@link #valueAt} reads DL4J's iteration counter (else its epoch counter). */
    private final transient boolean readsIterations;
    private final transient Definition definition;
    /**
     * The compiled value and momentum functions, built on first use: a composite's children, a plateau's
     * superseded states never pay for a compilation. Racy but safe: each is immutable, any thread may build it.
     */
    private transient LongToDoubleFunction scalar;
    private transient LongToDoubleFunction scalarMomentum;

    Schedule(ScheduleType type, Args args, Unit unit) {
        this(type, args, unit, 0);
    }

    Schedule(ScheduleType type, Args args, Unit unit, long stepsPerEpoch) {
        this.type = type;
        this.args = args;
        this.unit = unit;
        this.stepsPerEpoch = stepsPerEpoch;
        this.readsIterations = unit == Unit.ITERATION || stepsPerEpoch > 0;
        this.definition = define(Ex.step());
    }

    // ---- construction from specs ----

    /**
     * Parses a JSON spec such as {@code {"type": "cosine", "initial": 0.1, "decay_steps": 1000}}.
     *
     * @throws SpecException naming the offending field and rule
     */
    public static Schedule parse(String json) {
        return SpecReader.read(Json.parse(json, "spec"), "");
    }

    /** Builds a schedule from a parsed spec; see {@link #parse}. */
    public static Schedule fromSpec(JsonNode spec) {
        return SpecReader.read(spec, "");
    }

    @JsonCreator
    static Schedule fromJackson(@JsonProperty("spec") JsonNode spec) {
        return SpecReader.read(spec, "spec");
    }

    /** The spec this schedule writes back: the type, the unit if not iteration, every argument. */
    @Override
    @JsonProperty("spec")
    public ObjectNode toSpec() {
        ObjectNode o = Json.object();
        o.put(SpecReader.TYPE, type.name());
        if (unit != Unit.ITERATION) {
            o.put(SpecReader.UNIT, unit.specName());
        }
        if (stepsPerEpoch > 0) {
            o.put(SpecReader.STEPS_PER_EPOCH, stepsPerEpoch);
        }
        Map<String, Object> values = args.asMap();
        for (Param p : type.params()) {
            o.set(p.name(), p.write(values.get(p.name())));
        }
        return o;
    }

    /** The spec as compact JSON text. */
    public String toJson() {
        return Json.write(toSpec());
    }

    /** This schedule counting the given unit (DL4J's iteration or epoch counter). */
    public Schedule withUnit(Unit newUnit) {
        return newUnit == unit && stepsPerEpoch == 0 ? this
                : new Schedule(type, args, Objects.requireNonNull(newUnit, "unit"), 0);
    }

    /**
     * This schedule with its arguments in epochs of {@code steps} steps: it is given iterations (or, nested,
     * its parent's steps) and counts {@code floor(step / steps)}. Works in every evaluator and inside
     * composites, unlike DL4J's epoch counter.
     */
    public Schedule inEpochsOf(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps_per_epoch: must be >= 1 (got " + steps + ")");
        }
        return new Schedule(type, args, Unit.EPOCH, steps);
    }

    /** The steps per epoch of {@link #inEpochsOf}, or 0 when the schedule counts its step directly. */
    public long stepsPerEpoch() {
        return stepsPerEpoch;
    }

    // ---- what it is ----

    /** The schedule type. */
    public ScheduleType type() {
        return type;
    }

    /** The validated arguments. */
    public Args args() {
        return args;
    }

    /** Which DL4J counter {@link #valueAt} reads. */
    public Unit unit() {
        return unit;
    }

    /** The value as an expression of the step (what all evaluators interpret). */
    public RealExpr expression() {
        return definition.value();
    }

    /**
     * The definition with {@code step} in place of the step: how composites embed a child schedule. A
     * schedule in epochs of N steps sees {@code floor(step / N)}.
     */
    public Definition define(org.sched4j.expr.IntExpr step) {
        return type.define(args, stepsPerEpoch > 0 ? Ex.floorDiv(step, stepsPerEpoch) : step);
    }

    /** Whether the schedule also drives momentum (cyclic and one-cycle schedules). */
    public boolean hasMomentum() {
        return definition.momentum() != null;
    }

    /** The momentum schedule as an expression, or null. */
    public RealExpr momentumExpression() {
        return definition.momentum();
    }

    /** Whether the value depends on observed metrics (a plateau schedule) rather than on the step alone. */
    public boolean observesMetrics() {
        return type instanceof ObservingType;
    }

    /**
     * The schedule after observing {@code metric} at the end of a step or epoch: a new schedule whose state
     * (written in its spec) has moved. Only plateau schedules observe metrics.
     *
     * @throws IllegalStateException if this schedule does not observe metrics
     * @throws IllegalArgumentException if {@code metric} is not finite
     */
    public Schedule observe(double metric) {
        if (!(type instanceof ObservingType observing)) {
            throw new IllegalStateException("metrics: only a plateau schedule observes metrics (" + type.name()
                    + " does not)");
        }
        return new Schedule(type, observing.observe(args, metric), unit, stepsPerEpoch);
    }

    private RealExpr stepFunction(String evaluator) {
        if (observesMetrics()) {
            throw new UnsupportedOperationException(evaluator + ": " + type.name() + " depends on observed "
                    + "metrics, not on the step alone; only the scalar evaluator (valueAt, value) runs it");
        }
        return definition.value();
    }

    // ---- evaluator 1: scalar ----

    /**
     * DL4J's entry point: the value at the iteration, or at DL4J's epoch counter for an epoch schedule
     * without {@link #stepsPerEpoch} (one with it derives the epoch from the iteration).
     */
    @Override
    public double valueAt(int iteration, int epoch) {
        int step = readsIterations ? iteration : epoch;
        if (step < 0) {
            throw negativeCounter(step);
        }
        return scalar().applyAsDouble(step);
    }

    private IllegalArgumentException negativeCounter(int step) {
        return new IllegalArgumentException((readsIterations ? "iteration" : "epoch") + ": must be >= 0 (got "
                + step + ")");
    }

    /** The value at a step (in this schedule's unit), in double precision. */
    public double value(long step) {
        checkStep(step);
        return scalar().applyAsDouble(step);
    }

    /** The momentum at a step. */
    public double momentum(long step) {
        checkStep(step);
        LongToDoubleFunction f = scalarMomentum;
        if (f == null) {
            f = ScalarEvaluator.compile(requireMomentum());
            scalarMomentum = f;
        }
        return f.applyAsDouble(step);
    }

    private LongToDoubleFunction scalar() {
        LongToDoubleFunction f = scalar;
        if (f == null) {
            f = ScalarEvaluator.compile(definition.value());
            scalar = f;
        }
        return f;
    }

    private RealExpr requireMomentum() {
        if (definition.momentum() == null) {
            throw new IllegalStateException(type.name() + " does not drive momentum");
        }
        return definition.momentum();
    }

    private static void checkStep(long step) {
        if (step < 0 || step > TableEvaluator.MAX_STEP) {
            throw new IllegalArgumentException("step: must be in [0, 2^53] (got " + step + ")");
        }
    }

    // ---- evaluator 2: table ----

    /**
     * Values at steps {@code start .. start + count - 1} as one ND4J array of {@code dataType}, computed in
     * double with {@link #value}'s arithmetic, except that a cosine, sine, exponential or power of the step
     * may come from a per-block reduction within 1e-11 relative of {@code Math}'s (2e-8 when {@code dataType}
     * is float32 or narrower, 1/100 of its tolerance); in a float32 table such a reduction, with the constant
     * ops over it, may be computed in float32 within the same 2e-8 before the final rounding.
     */
    public INDArray table(long start, long count, DataType dataType) {
        return TableEvaluator.table(stepFunction("table"), start, count, dataType);
    }

    /**
     * Writes the values at steps {@code start, start + 1, ...} into {@code out}, a floating-point vector it
     * fills entirely (a preallocated table refilled without allocating one), and returns it.
     */
    public INDArray table(long start, INDArray out) {
        return TableEvaluator.fill(stepFunction("table"), start, out);
    }

    /** Momentum values, like {@link #table}. */
    public INDArray momentumTable(long start, long count, DataType dataType) {
        return TableEvaluator.table(requireMomentum(), start, count, dataType);
    }

    // ---- evaluator 3: graph ----

    /** The value at an INT32/INT64 step variable (scalar or vector) as FLOAT SameDiff ops. */
    public SDVariable toGraph(SameDiff sd, SDVariable step) {
        return toGraph(sd, step, DataType.FLOAT);
    }

    /**
     * The value at a step variable as SameDiff ops producing {@code dataType}: a table of the values up to the
     * step from which the schedule stops changing, gathered at the clamped step, where that step is below
     * {@link GraphEvaluator#AUTO_TABLE_ENTRIES} (two ops); else the formula ({@link #toGraphFormula}).
     */
    public SDVariable toGraph(SameDiff sd, SDVariable step, DataType dataType) {
        return GraphEvaluator.toGraph(stepFunction("graph"), sd, step, dataType);
    }

    /** The value at a step variable as the formula's SameDiff ops, op by op, whatever the horizon. */
    public SDVariable toGraphFormula(SameDiff sd, SDVariable step, DataType dataType) {
        return GraphEvaluator.toGraphFormula(stepFunction("graph"), sd, step, dataType);
    }

    /**
     * The table-gather form of {@link #toGraph} for a run of {@code horizon} steps: the values at steps
     * {@code 0 .. horizon - 1} as one graph constant, read at {@code min(step, horizon - 1)} (three ops).
     *
     * @throws IllegalArgumentException if {@code horizon} is not in {@code [1, GraphEvaluator.MAX_TABLE_ENTRIES]}
     */
    public SDVariable toGraphTable(SameDiff sd, SDVariable step, DataType dataType, long horizon) {
        return GraphEvaluator.toGraphTable(stepFunction("graph"), sd, step, dataType, horizon);
    }

    /** How many SameDiff ops {@link #toGraph(SameDiff, SDVariable)} adds on an INT64 step (constants excluded). */
    public int graphOpCount() {
        return GraphEvaluator.opCount(stepFunction("graph"), DataType.FLOAT);
    }

    /** How many SameDiff ops {@link #toGraphFormula} adds on an INT64 step (constants excluded). */
    public int graphFormulaOpCount() {
        return GraphEvaluator.formulaOpCount(stepFunction("graph"), DataType.FLOAT);
    }

    /** The momentum at a step variable as SameDiff ops. */
    public SDVariable momentumToGraph(SameDiff sd, SDVariable step, DataType dataType) {
        return GraphEvaluator.toGraph(requireMomentum(), sd, step, dataType);
    }

    // ---- identity ----

    /** Schedules are immutable, so a clone is the schedule itself. */
    @Override
    public ISchedule clone() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && s.type == type && s.unit == unit && s.stepsPerEpoch == stepsPerEpoch
                && s.args.equals(args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type.name(), unit, stepsPerEpoch, args);
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Java serialization writes the spec text and parses it back. */
    private Object writeReplace() throws ObjectStreamException {
        return new SerialForm(toJson());
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a Schedule is serialized through its spec");
    }

    private record SerialForm(String spec) implements Serializable {
        private Object readResolve() throws ObjectStreamException {
            return parse(spec);
        }
    }
}
