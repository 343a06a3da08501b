package org.sched4j.cli;

/** A user error on the command line (bad flag, spec or file): printed as one {@code error:} line, exit 2. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }
}
