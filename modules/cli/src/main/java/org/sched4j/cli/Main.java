package org.sched4j.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.sched4j.schedule.ScheduleType;
import org.sched4j.schedule.ScheduleTypes;

/** The {@code sched4j} command line: dispatches to eval, plot, train, demo and types. */
public final class Main {
    private static final String USAGE = String.join("\n",
            "usage: sched4j <command> [options]",
            "  eval  --spec JSON|@FILE --steps N [--start S] [--backend scalar|table|graph] [--metrics m0,m1,...]",
            "  eval  --batch FILE.jsonl [--backend scalar|table|graph]",
            "  plot  --spec JSON|@FILE [--spec ...] --steps N --out FILE.png",
            "  train --spec JSON|@FILE --epochs N [--batch-size 10] [--seed S] [--save FILE.zip] [--lr-csv FILE]",
            "        [--out DIR]        an MLP on Iris; --out: rates.csv and charts",
            "  train --resume FILE.zip --epochs N [--save FILE.zip] [--lr-csv FILE] [--out DIR]",
            "  demo  [--out DIR]    train Iris with a warmup + cosine schedule; charts into DIR (sched4j-demo/)",
            "  types    list the schedule types a spec may name");

    private Main() {
    }

    /** Runs the command line and exits with its status (0 ok, 2 bad input, 1 internal failure). */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command; returns the exit status. Errors become one {@code error:} line on {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "eval": return EvalCommand.run(rest, out);
                case "plot": return PlotCommand.run(rest, out);
                case "train": return TrainCommand.run(rest, out, err);
                case "demo": return DemoCommand.run(rest, out, err);
                case "types": return types(out);
                default: throw new CliException("unknown command '" + args[0]
                        + "' (commands: eval, plot, train, demo, types)");
            }
        } catch (CliException e) {
            err.println("error: " + oneLine(e.getMessage()));
            return 2;
        } catch (RuntimeException | LinkageError e) {
            err.println("error: internal failure: " + oneLine(String.valueOf(e)));
            return 1;
        } finally {
            out.flush();
        }
    }

    private static int types(PrintStream out) {
        for (ScheduleType t : ScheduleTypes.all()) {
            StringBuilder args = new StringBuilder();
            t.params().forEach(p -> args.append(args.length() == 0 ? "" : ", ").append(p.name())
                    .append(p.required() ? "" : "=" + p.defaultValue()));
            out.printf("%-26s %s%n%-26s   (%s)%n", t.name(), t.summary(), "", args);
        }
        return 0;
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
