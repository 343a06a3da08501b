package org.sched4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sched4j.schedule.Schedule;

/** The README's migration table stays true: every complete spec in it parses. */
class ReadmeSpecsTest {
    @Test
    void everySpecInTheMigrationTableParses() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"));
        String table = readme.substring(readme.indexOf("## Porting a recipe"), readme.indexOf("## Layout"));
        Matcher m = Pattern.compile("`(\\{\"(?:type|class_name)\"[^`]*\\})`").matcher(table);
        List<String> parsed = new ArrayList<>();
        while (m.find()) {
            String spec = m.group(1);
            if (!spec.contains("...")) {
                Schedule.parse(spec);
                parsed.add(spec);
            }
        }
        assertThat(parsed).hasSizeGreaterThanOrEqualTo(8);
    }
}
