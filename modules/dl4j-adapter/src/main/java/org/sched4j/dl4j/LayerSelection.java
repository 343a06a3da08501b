package org.sched4j.dl4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The layers of a configuration or network with updaters ({@link BaseLayer}s), each under its index (a
 * {@code MultiLayerNetwork}) or name (a {@code ComputationGraph} vertex), in network order. For a live
 * network an entry holds both the configuration's layer object and the running layer's, when they differ.
 */
final class LayerSelection {
    /** One layer: its label and the layer configuration objects to edit (one, or two when not shared). */
    record Entry(int index, String name, List<BaseLayer> layers) {
        String label() {
            return index >= 0 ? index + (name == null ? "" : " (" + name + ")") : "'" + name + "'";
        }
    }

    private final List<Entry> entries;
    private final boolean byIndex;
    private final int size;

    private LayerSelection(List<Entry> entries, boolean byIndex, int size) {
        this.entries = entries;
        this.byIndex = byIndex;
        this.size = size;
    }

    static LayerSelection of(MultiLayerConfiguration conf) {
        return of(conf, null);
    }

    static LayerSelection of(MultiLayerNetwork net) {
        return of(net.getLayerWiseConfigurations(), net.isInitCalled() ? net.getLayers() : null);
    }

    private static LayerSelection of(MultiLayerConfiguration conf, Layer[] running) {
        List<Entry> out = new ArrayList<>();
        List<NeuralNetConfiguration> confs = conf.getConfs();
        for (int i = 0; i < confs.size(); i++) {
            List<BaseLayer> objs = distinct(confs.get(i).getLayer(),
                    running == null ? null : running[i].conf().getLayer());
            if (!objs.isEmpty()) {
                out.add(new Entry(i, confs.get(i).getLayer().getLayerName(), objs));
            }
        }
        return new LayerSelection(out, true, confs.size());
    }

    static LayerSelection of(ComputationGraphConfiguration conf) {
        return of(conf, null);
    }

    static LayerSelection of(ComputationGraph net) {
        return of(net.getConfiguration(), net.getLayers() == null ? null : net);
    }

    private static LayerSelection of(ComputationGraphConfiguration conf, ComputationGraph running) {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, GraphVertex> v : conf.getVertices().entrySet()) {
            if (!(v.getValue() instanceof LayerVertex lv)) {
                continue;
            }
            Layer live = running == null ? null : running.getLayer(v.getKey());
            List<BaseLayer> objs = distinct(lv.getLayerConf().getLayer(), live == null ? null
                    : live.conf().getLayer());
            if (!objs.isEmpty()) {
                out.add(new Entry(-1, v.getKey(), objs));
            }
        }
        return new LayerSelection(out, false, conf.getVertices().size());
    }

    private static List<BaseLayer> distinct(Object configured, Object running) {
        Set<BaseLayer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : new Object[] {configured, running}) {
            if (o instanceof BaseLayer b) {
                seen.add(b);
            }
        }
        return new ArrayList<>(seen);
    }

    /** Every entry ({@code indices} and {@code names} null), or the named ones, each of which must exist. */
    List<Entry> select(int[] indices, List<String> names) {
        if (indices == null && names == null) {
            return entries;
        }
        Map<Object, Entry> chosen = new LinkedHashMap<>();
        if (indices != null) {
            if (!byIndex) {
                throw new IllegalArgumentException("layers: a ComputationGraph's layers are chosen by name");
            }
            for (int i : indices) {
                if (i < 0 || i >= size) {
                    throw new IllegalArgumentException("layers: index " + i + " is out of range (0.." + (size - 1)
                            + ")");
                }
                Entry e = entries.stream().filter(x -> x.index() == i).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("layers: layer " + i + " has no parameters to update"));
                chosen.put(i, e);
            }
        } else {
            for (String n : names) {
                Entry e = entries.stream().filter(x -> n.equals(x.name())).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("layers: no layer with parameters is named '" + n + "'"));
                chosen.put(n, e);
            }
        }
        return new ArrayList<>(chosen.values());
    }
}
