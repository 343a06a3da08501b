package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.sched4j.schedule.Schedule;
import org.sched4j.spec.SpecException;

/** Test helper: a spec is refused with an error naming the field and the rule it breaks. */
public final class SpecRejection {
    private SpecRejection() {
    }

    /** {@code Schedule.parse(json)} fails on {@code field}, with a rule containing {@code ruleFragment}. */
    public static void rejects(String json, String field, String ruleFragment) {
        assertThatThrownBy(() -> Schedule.parse(json))
                .isInstanceOf(SpecException.class)
                .satisfies(e -> {
                    SpecException se = (SpecException) e;
                    assertThat(se.field()).isEqualTo(field);
                    assertThat(se.rule()).contains(ruleFragment);
                    assertThat(se.getMessage()).startsWith(field + ": ");
                });
    }
}
