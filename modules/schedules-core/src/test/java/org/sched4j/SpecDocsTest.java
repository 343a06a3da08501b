package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sched4j.schedule.ScheduleType;
import org.sched4j.schedule.ScheduleTypes;
import org.sched4j.spec.Param;

/** docs/SPEC.md stays true: it documents every registered type and each of its arguments. */
class SpecDocsTest {
    @Test
    void everyTypeAndArgumentIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("../../docs/SPEC.md"));
        for (ScheduleType t : ScheduleTypes.all()) {
            String row = doc.lines().filter(l -> l.startsWith("| `" + t.name() + "` |")).findFirst().orElse(null);
            assertThat(row).as("row for %s in docs/SPEC.md", t.name()).isNotNull();
            for (Param p : t.params()) {
                if (p.name().equals("lr") || p.name().equals("last_epoch")) {
                    assertThat(doc).contains("`" + p.name() + "`");
                } else {
                    assertThat(row).as("%s documents %s", t.name(), p.name()).contains("`" + p.name() + "`");
                }
            }
        }
    }
}
