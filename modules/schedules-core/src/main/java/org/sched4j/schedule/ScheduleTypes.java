package org.sched4j.schedule;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sched4j.catalog.Catalog;
import org.sched4j.compose.Composition;
import org.sched4j.dialect.dl4j.Dl4jDialect;
import org.sched4j.dialect.keras.KerasDialect;
import org.sched4j.dialect.mindspore.MindSporeDialect;
import org.sched4j.dialect.optax.OptaxDialect;
import org.sched4j.dialect.torch.TorchDialect;
import org.sched4j.plateau.PlateauTypes;

/**
 * The closed list of schedule types a spec may name. JSON never instantiates anything else: a
 * {@code "type"} is looked up here, never resolved as a class name.
 */
public final class ScheduleTypes {
    private static final Map<String, ScheduleType> TYPES;

    static {
        Map<String, ScheduleType> m = new LinkedHashMap<>();
        for (List<ScheduleType> group : List.of(Catalog.TYPES, Composition.TYPES, PlateauTypes.TYPES, TorchDialect.TYPES,
                MindSporeDialect.TYPES, KerasDialect.TYPES, OptaxDialect.TYPES, Dl4jDialect.TYPES)) {
            for (ScheduleType t : group) {
                if (m.put(t.name(), t) != null) {
                    throw new IllegalStateException("duplicate schedule type " + t.name());
                }
            }
        }
        TYPES = Collections.unmodifiableMap(m);
    }

    private ScheduleTypes() {
    }

    /** The type registered under {@code name}, or null. */
    public static ScheduleType find(String name) {
        return TYPES.get(name);
    }

    /** Every registered type, natives first, then each dialect. */
    public static Collection<ScheduleType> all() {
        return TYPES.values();
    }
}
