package org.sched4j.spec;

import org.nd4j.shade.jackson.databind.node.ObjectNode;

/** Something that writes itself back to its JSON spec (a nested schedule inside another's arguments). */
public interface SpecWritable {
    /** The spec that parses back to an equal object. */
    ObjectNode toSpec();
}
