package org.sched4j.spec;

/**
 * A rejected schedule spec or argument: names the field (a path such as {@code schedulers[1].gamma}) and
 * the rule it broke. The message reads {@code "<field>: <rule>"}.
 */
public final class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    /** A violation of {@code rule} by {@code field}. */
    public SpecException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The path of the offending field. */
    public String field() {
        return field;
    }

    /** The rule, in words. */
    public String rule() {
        return rule;
    }

    /** The same rule, reported under {@code prefix.field} (for nested specs). */
    public SpecException under(String prefix) {
        return new SpecException(prefix.isEmpty() ? field : prefix + "." + field, rule);
    }
}
