package org.sched4j.samediff.optim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.sched4j.samediff.GlobalStep;

/**
 * Trains a SameDiff model with the optimizer step inside the graph, in place of {@code sd.fit}: each
 * {@link #step} takes the loss gradients ({@code sd.calculateGradients}) and feeds them to the update ops,
 * and one {@code sd.output} call computes every new parameter, the optimizer state and the next global
 * step, which are stored back into their variables. The learning rate is a graph value of the global step,
 * so on CUDA it never leaves the device.
 *
 * <p>Everything lives in the graph under fixed names (gradients are placeholders {@code <param>/gradient},
 * new values {@code <variable>/updated}, the step {@code global_step}), so a saved graph resumes with
 * {@link #resume}.
 */
public final class GraphTraining {
    /** What a gradient placeholder's name adds to its parameter's name. */
    public static final String GRADIENT_SUFFIX = "/gradient";
    /** The name under which SameDiff keeps the gradient graph ({@code SameDiff.GRAD_FN_KEY}). */
    private static final String GRADIENT_FUNCTION = "grad";

    private final SameDiff sd;
    private final GlobalStep globalStep;
    private final List<String> parameters;
    private final Map<String, SDVariable> newValues;
    private final List<String> outputs;
    private final SDVariable learningRate;

    private GraphTraining(SameDiff sd, GlobalStep globalStep, List<String> parameters,
            Map<String, SDVariable> newValues, SDVariable learningRate) {
        if (sd.getLossVariables() == null || sd.getLossVariables().isEmpty()) {
            throw new IllegalStateException("loss: set the graph's loss with sd.setLossVariables(...) first");
        }
        if (globalStep.isPlaceholder()) {
            throw new IllegalArgumentException("globalStep: training needs a stored step variable, not a placeholder");
        }
        this.sd = sd;
        this.globalStep = globalStep;
        this.parameters = List.copyOf(parameters);
        this.newValues = newValues;
        this.learningRate = learningRate;
        this.outputs = new ArrayList<>();
        newValues.values().forEach(v -> outputs.add(v.name()));
        outputs.add(globalStep.next().name());
    }

    /**
     * Training of every floating-point variable of {@code sd} with the in-graph form of a DL4J updater
     * configuration ({@code new Adam(schedule)}, ...); the global step {@value GlobalStep#NAME} is created
     * at 0, or reused when the graph has one.
     *
     * @throws IllegalArgumentException for an updater or schedule the graph cannot run
     * @throws IllegalStateException if the graph has no loss variable or already holds an update
     */
    public static GraphTraining create(SameDiff sd, IUpdater updater) {
        List<String> trainable = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && v.dataType().isFPType()) {
                trainable.add(v.name());
            }
        }
        GlobalStep step = sd.hasVariable(GlobalStep.NAME) ? GlobalStep.of(sd, GlobalStep.NAME) : GlobalStep.create(sd);
        return create(sd, step, GraphUpdater.of(updater), trainable);
    }

    /** Training of the named parameters with {@code updater} on {@code globalStep}. */
    public static GraphTraining create(SameDiff sd, GlobalStep globalStep, GraphUpdater updater,
            Collection<String> parameters) {
        Map<SDVariable, SDVariable> gradients = new LinkedHashMap<>();
        for (String name : parameters) {
            SDVariable p = sd.getVariable(name);
            if (p == null) {
                throw new IllegalArgumentException("parameters: no variable " + name + " in this graph");
            }
            gradients.put(p, sd.placeHolder(name + GRADIENT_SUFFIX, p.dataType(), p.getArr().shape()));
        }
        GraphUpdate update = updater.apply(sd, globalStep.variable(), gradients);
        Map<String, SDVariable> newValues = new LinkedHashMap<>();
        update.newValues().forEach((variable, value) -> newValues.put(variable.name(), value));
        return new GraphTraining(sd, globalStep, List.copyOf(parameters), newValues, update.learningRate());
    }

    /**
     * The training a graph already holds, e.g. one saved with its update and loaded with
     * {@code SameDiff.load}: its parameters are the variables with a {@code <param>/gradient} placeholder, and
     * every variable {@code v} with an op {@code v/updated} is stored after each step.
     *
     * @throws IllegalArgumentException if the graph holds no in-graph update or no {@value GlobalStep#NAME}
     */
    public static GraphTraining resume(SameDiff sd) {
        List<String> parameters = new ArrayList<>();
        Map<String, SDVariable> newValues = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() != VariableType.VARIABLE) {
                continue;
            }
            if (sd.hasVariable(v.name() + UpdateBuilder.UPDATED_SUFFIX)) {
                newValues.put(v.name(), sd.getVariable(v.name() + UpdateBuilder.UPDATED_SUFFIX));
            }
            if (sd.hasVariable(v.name() + GRADIENT_SUFFIX)) {
                parameters.add(v.name());
            }
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("sd: holds no in-graph update (no <param>" + GRADIENT_SUFFIX
                    + " placeholder)");
        }
        SDVariable lr = null;
        for (SDVariable v : sd.variables()) {
            if (lr == null && v.name().endsWith("/learning_rate")) {
                lr = v;
            }
        }
        return new GraphTraining(sd, GlobalStep.of(sd, GlobalStep.NAME), parameters, newValues, lr);
    }

    /**
     * One training iteration on a minibatch: gradients of the loss for {@code placeholders} (the model's
     * inputs and labels), then the in-graph update and the global step's increment.
     */
    public void step(Map<String, INDArray> placeholders) {
        Map<String, INDArray> gradients = sd.calculateGradients(placeholders, parameters);
        Map<String, INDArray> feed = new HashMap<>();
        for (String p : parameters) {
            feed.put(p + GRADIENT_SUFFIX, gradients.get(p));
        }
        Map<String, INDArray> values = sd.output(feed, outputs);
        for (Map.Entry<String, SDVariable> e : newValues.entrySet()) {
            sd.getVariable(e.getKey()).getArr().assign(values.get(e.getValue().name()));
        }
        globalStep.store(values.get(globalStep.next().name()));
        releaseSessions();
    }

    /**
     * SameDiff 1.0.0-M2.1 keeps every call's dependency bookkeeping in the graph's cached inference sessions,
     * about 28 KB of heap per training step of a small MLP, until the heap runs out; dropping the sessions
     * after a step costs a fresh session on the next (measured: no slower) and keeps the heap flat.
     */
    private void releaseSessions() {
        sd.getSessions().clear();
        SameDiff gradients = sd.getFunction(GRADIENT_FUNCTION);
        if (gradients != null) {
            gradients.getSessions().clear();
        }
    }

    /** The global step the update reads and advances. */
    public GlobalStep globalStep() {
        return globalStep;
    }

    /** The trained parameters' names. */
    public List<String> parameters() {
        return parameters;
    }

    /** The learning rate at the current step as a graph value (for logging: {@code sd.output(Map.of(), name)}). */
    public SDVariable learningRate() {
        return learningRate;
    }
}
