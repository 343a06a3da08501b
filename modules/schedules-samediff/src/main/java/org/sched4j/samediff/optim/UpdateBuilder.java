package org.sched4j.samediff.optim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ISchedule;
import org.sched4j.catalog.Schedules;
import org.sched4j.schedule.Schedule;
import org.sched4j.schedule.Unit;

/**
 * Builds one in-graph update for the three updaters: checks, per-type shared values (the learning rate is
 * lowered once per floating type), optimizer state variables and the names of new values.
 */
final class UpdateBuilder {
    /** What a new value's name adds to the name of the variable it replaces. */
    static final String UPDATED_SUFFIX = "/updated";

    /** The per-parameter arithmetic: given the shared scope, returns what is subtracted from the parameter. */
    interface Rule {
        SDVariable update(Scope s, SDVariable param, SDVariable gradient);
    }

    private final SameDiff sd;
    private final SDVariable step;
    private final Schedule learningRate;
    private final String prefix;
    private final Map<DataType, Scope> scopes = new HashMap<>();
    private final Map<SDVariable, SDVariable> newValues = new LinkedHashMap<>();
    private final Map<DataType, SDVariable> learningRates = new LinkedHashMap<>();

    UpdateBuilder(SameDiff sd, SDVariable step, Schedule learningRate, String prefix) {
        this.sd = sd;
        this.step = checkedStep(sd, step);
        this.learningRate = learningRate;
        this.prefix = prefix;
    }

    SDVariable step() {
        return step;
    }

    GraphUpdate build(Map<SDVariable, SDVariable> gradients, Rule rule) {
        if (gradients == null || gradients.isEmpty()) {
            throw new IllegalArgumentException("gradients: must name at least one parameter");
        }
        gradients.forEach(this::check);
        for (Map.Entry<SDVariable, SDVariable> e : gradients.entrySet()) {
            SDVariable param = e.getKey();
            Scope s = scopes.computeIfAbsent(param.dataType(), Scope::new);
            SDVariable update = rule.update(s, param, e.getValue());
            newValues.put(param, param.sub(param.name() + UPDATED_SUFFIX, update));
        }
        return new GraphUpdate(sd, newValues, learningRates);
    }

    private void check(SDVariable param, SDVariable gradient) {
        if (param.getSameDiff() != sd || gradient == null || gradient.getSameDiff() != sd) {
            throw new IllegalArgumentException("gradients: " + param.name() + " and its gradient must be variables "
                    + "of the given graph");
        }
        if (param.getVariableType() != VariableType.VARIABLE || !param.dataType().isFPType()) {
            throw new IllegalArgumentException("gradients: " + param.name() + " must be a floating-point variable "
                    + "(got " + param.getVariableType() + " " + param.dataType() + ")");
        }
        if (gradient.dataType() != param.dataType()) {
            throw new IllegalArgumentException("gradients: the gradient of " + param.name() + " must be "
                    + param.dataType() + " (got " + gradient.dataType() + ")");
        }
        if (sd.hasVariable(param.name() + UPDATED_SUFFIX)) {
            throw new IllegalStateException(param.name() + ": the graph already holds an update of it ("
                    + param.name() + UPDATED_SUFFIX + ")");
        }
    }

    private static SDVariable checkedStep(SameDiff sd, SDVariable step) {
        if (step == null || step.getSameDiff() != sd) {
            throw new IllegalArgumentException("step: must be a variable of the given graph");
        }
        if (step.getVariableType() != VariableType.ARRAY && step.getShape() != null && step.getShape().length != 0) {
            throw new IllegalArgumentException("step: must be a scalar (got shape " + Arrays.toString(step.getShape())
                    + ")");
        }
        return step;
    }

    /** A schedule for a DL4J updater field: its sched4j schedule, or the fixed value as a constant schedule. */
    static Schedule schedule(ISchedule schedule, double fixed, String field) {
        if (schedule == null) {
            return Schedules.constant(fixed);
        }
        if (!(schedule instanceof Schedule s)) {
            throw new IllegalArgumentException(field + ": must be a sched4j Schedule to run in the graph (got "
                    + schedule.getClass().getName() + ")");
        }
        requireGraphable(s, field);
        return s;
    }

    /** A schedule the graph can run: a function of the iteration (not of metrics, not of DL4J's epoch count). */
    static void requireGraphable(Schedule s, String field) {
        if (s.observesMetrics()) {
            throw new IllegalArgumentException(field + ": " + s.type().name() + " depends on observed metrics and "
                    + "cannot run in the graph");
        }
        if (s.unit() == Unit.EPOCH && s.stepsPerEpoch() == 0) {
            throw new IllegalArgumentException(field + ": counts DL4J's epochs, but the graph counts iterations; use "
                    + "schedule.inEpochsOf(stepsPerEpoch)");
        }
    }

    /** Values shared by every parameter of one floating type. */
    final class Scope {
        private final DataType type;
        private final Map<Object, SDVariable> shared = new HashMap<>();

        Scope(DataType type) {
            this.type = type;
        }

        DataType dataType() {
            return type;
        }

        /** The learning rate at the step in this type, lowered once. */
        SDVariable learningRate() {
            return learningRates.computeIfAbsent(type, t -> {
                SDVariable lr = learningRate.toGraph(sd, step, t);
                String name = prefix + "/learning_rate" + (learningRates.isEmpty() ? "" : "_" + t);
                return sd.hasVariable(name) ? lr : lr.rename(name);
            });
        }

        /** A scalar constant of this type, made once. */
        SDVariable constant(double value) {
            return shared(value, () -> sd.constant(Nd4j.scalar(value).castTo(type)));
        }

        /** A value of this type built once by {@code make} and shared under {@code key}. */
        SDVariable shared(Object key, Supplier<SDVariable> make) {
            SDVariable v = shared.get(key);
            if (v == null) {
                v = make.get();
                shared.put(key, v);
            }
            return v;
        }

        /** Optimizer state of {@code param}: a zero variable {@code <param>/<optimizer>/<name>}, or the one there. */
        SDVariable slot(SDVariable param, String name) {
            String full = param.name() + "/" + prefix + "/" + name;
            if (sd.hasVariable(full)) {
                return sd.getVariable(full);
            }
            return sd.var(full, Nd4j.zeros(type, param.getArr().shape()));
        }

        /** Records {@code value} as the new value of the state variable {@code state}. */
        SDVariable newValue(SDVariable state, SDVariable value) {
            SDVariable named = value.rename(state.name() + UPDATED_SUFFIX);
            newValues.put(state, named);
            return named;
        }
    }
}
