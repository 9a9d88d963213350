package dev.quorum.cli;

import dev.quorum.content.LintCommand;
import dev.quorum.demo.AllDemos;
import java.nio.file.Path;

/**
 * {@code ./mvnw -q compile exec:java@lint-content [-Dcontent.dir=DIR]}: the content linter for contributors,
 * no database needed. It lives here, above both content and the demos, so the demo ids a topic may name come
 * from the demo registry itself.
 */
public final class LintContent {

    private LintContent() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("content.dir", "content"));
        int status = LintCommand.run(dir, AllDemos.registry().ids(), System.out, System.err);
        System.out.flush();
        System.exit(status);
    }
}
