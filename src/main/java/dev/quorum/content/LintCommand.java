package dev.quorum.content;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The lint command's work: checks a content folder and prints one line per finding as
 * {@code path:line:col: error|warning: message}. Exits 1 when there is an error, 2 when the folder does not
 * exist. Its entry point is {@code dev.quorum.cli.LintContent}, which knows the demos.
 */
public final class LintCommand {

    private LintCommand() {
    }

    /** Lints {@code dir}, printing findings to {@code out} and the tally to {@code err}; returns the exit status. */
    public static int run(Path dir, Set<String> demoIds, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(dir)) {
            err.println(dir + ": not a directory (pass -Dcontent.dir=DIR)");
            return 2;
        }
        List<Finding> findings = new ContentLinter(demoIds).lint(new ContentLoader().load(dir));
        findings.forEach(out::println);
        long errors = findings.stream().filter(Finding::isError).count();
        err.printf("%s: %d error(s), %d warning(s)%n", dir, errors, findings.size() - errors);
        return errors > 0 ? 1 : 0;
    }
}
