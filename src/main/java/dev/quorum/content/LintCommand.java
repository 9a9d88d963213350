package dev.quorum.content;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./mvnw -q compile exec:java@lint-content [-Dcontent.dir=DIR]}: checks a content folder and prints
 * one line per finding as {@code path:line:col: error|warning: message}. Exits 1 when there is an error,
 * 2 when the folder does not exist.
 */
public final class LintCommand {

    private LintCommand() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("content.dir", "content"));
        int status = run(dir, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Lints {@code dir}, printing findings to {@code out} and the tally to {@code err}; returns the exit status. */
    static int run(Path dir, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(dir)) {
            err.println(dir + ": not a directory (pass -Dcontent.dir=DIR)");
            return 2;
        }
        List<Finding> findings = new ContentLinter().lint(new ContentLoader().load(dir));
        findings.forEach(out::println);
        long errors = findings.stream().filter(Finding::isError).count();
        err.printf("%s: %d error(s), %d warning(s)%n", dir, errors, findings.size() - errors);
        return errors > 0 ? 1 : 0;
    }
}
