package org.sched4j.samediff.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The ops of one in-graph optimizer step: for each variable the step changes (parameters and optimizer
 * state), the op giving its new value, named {@code <variable>/updated}; and the learning rate it used.
 */
public final class GraphUpdate {
    private final SameDiff sd;
    private final Map<SDVariable, SDVariable> newValues;
    private final Map<DataType, SDVariable> learningRates;

    GraphUpdate(SameDiff sd, Map<SDVariable, SDVariable> newValues, Map<DataType, SDVariable> learningRates) {
        this.sd = sd;
        this.newValues = Collections.unmodifiableMap(new LinkedHashMap<>(newValues));
        this.learningRates = Collections.unmodifiableMap(new LinkedHashMap<>(learningRates));
    }

    /** Each changed variable and the op computing its new value. */
    public Map<SDVariable, SDVariable> newValues() {
        return newValues;
    }

    /** The names to request from {@code sd.output} to compute every new value. */
    public List<String> outputNames() {
        List<String> names = new ArrayList<>();
        newValues.values().forEach(v -> names.add(v.name()));
        return names;
    }

    /** The learning rate at the step, in the (first) parameters' type. */
    public SDVariable learningRate() {
        return learningRates.values().iterator().next();
    }

    /**
     * Stores the new values from an {@code sd.output(..., outputNames())} result into their variables, in
     * place (on the graph's device).
     */
    public void assign(Map<String, INDArray> outputs) {
        for (Map.Entry<SDVariable, SDVariable> e : newValues.entrySet()) {
            INDArray value = outputs.get(e.getValue().name());
            if (value == null) {
                throw new IllegalArgumentException("outputs: missing " + e.getValue().name());
            }
            sd.getVariable(e.getKey().name()).getArr().assign(value);
        }
    }
}
