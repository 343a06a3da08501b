package org.sched4j.expr.parse;

import java.util.List;
import org.sched4j.spec.SpecException;

/** Splits expression text into tokens on demand, so errors are reported in reading order. */
final class Lexer {
    private static final List<String> TWO_CHAR_SYMBOLS = List.of("**", "//");
    /** The operators and punctuation; "." is only ever unexpected, but reported by the parser in order. */
    private static final String ONE_CHAR_SYMBOLS = "+-*/%(),.";

    private final String field;
    private final String text;
    private int pos;

    Lexer(String field, String text) {
        this.field = field;
        this.text = text;
    }

    /** The next token; {@link Token.Kind#END} once the text is used up. */
    Token next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            return new Token(Token.Kind.END, "", start + 1);
        }
        char c = text.charAt(pos);
        if (isDigit(c) || c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1))) {
            return number(start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && isNameChar(text.charAt(pos))) {
                pos++;
            }
            return new Token(Token.Kind.NAME, text.substring(start, pos), start + 1);
        }
        if (pos + 1 < text.length() && TWO_CHAR_SYMBOLS.contains(text.substring(pos, pos + 2))) {
            pos += 2;
            return new Token(Token.Kind.SYMBOL, text.substring(start, pos), start + 1);
        }
        if (ONE_CHAR_SYMBOLS.indexOf(c) >= 0) {
            pos++;
            return new Token(Token.Kind.SYMBOL, String.valueOf(c), start + 1);
        }
        throw new SpecException(field, "unexpected character \"" + c + "\" at column " + (start + 1));
    }

    /** Python's decimal literals: {@code 12}, {@code 12.}, {@code .5}, {@code 1.5e-3}, {@code 2E8}. */
    private Token number(int start) {
        boolean real = false;
        digits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            real = true;
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos + 1;
            if (mark < text.length() && (text.charAt(mark) == '+' || text.charAt(mark) == '-')) {
                mark++;
            }
            if (mark < text.length() && isDigit(text.charAt(mark))) {
                real = true;
                pos = mark;
                digits();
            } else {
                pos = mark;
            }
        }
        String literal = text.substring(start, pos);
        if (pos < text.length() && (isNameChar(text.charAt(pos)) || text.charAt(pos) == '.')
                || literal.endsWith("e") || literal.endsWith("E") || literal.endsWith("+") || literal.endsWith("-")) {
            while (pos < text.length() && (isNameChar(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            throw new SpecException(field, "invalid number \"" + text.substring(start, pos) + "\" at column "
                    + (start + 1));
        }
        if (!real && literal.length() > 1 && literal.charAt(0) == '0' && !literal.chars().allMatch(ch -> ch == '0')) {
            throw new SpecException(field, "invalid number \"" + literal + "\" at column " + (start + 1)
                    + " (leading zeros are not allowed in integers, as in Python)");
        }
        return new Token(real ? Token.Kind.REAL : Token.Kind.INTEGER, literal, start + 1);
    }

    private void digits() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
