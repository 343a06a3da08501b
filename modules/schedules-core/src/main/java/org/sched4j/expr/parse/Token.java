package org.sched4j.expr.parse;

/**
 * One token of an expression: its kind, its text as written and the 1-based column where it starts.
 *
 * @param kind what the token is
 * @param text the characters of the token
 * @param column the 1-based column of its first character
 */
record Token(Kind kind, String text, int column) {
    /** The kinds of token. */
    enum Kind {
        /** An integer literal such as {@code 100}. */
        INTEGER,
        /** A real literal such as {@code 100.}, {@code .5} or {@code 1e-3}. */
        REAL,
        /** A name: a variable, a constant or a function. */
        NAME,
        /** An operator or punctuation: {@code + - * / // % ** ( ) ,}, or a stray {@code .}. */
        SYMBOL,
        /** The end of the text. */
        END
    }

    /** Whether this is the symbol {@code s}. */
    boolean is(String s) {
        return kind == Kind.SYMBOL && text.equals(s);
    }

    /** How the token reads in an error message. */
    String describe() {
        return kind == Kind.END ? "end of expression" : "\"" + text + "\"";
    }
}
