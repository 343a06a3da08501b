package org.sched4j.spec;

import org.nd4j.shade.jackson.databind.JsonNode;

/** Reads a nested spec (a child schedule) found at {@code path}; supplied by the schedule parser. */
@FunctionalInterface
public interface NestedReader {
    /** The parsed child; throws {@link SpecException} naming paths under {@code path}. */
    SpecWritable read(JsonNode node, String path);
}
