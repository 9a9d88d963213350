package dev.quorum.content;

import java.util.Set;

/**
 * The demo ids a topic's {@code demos:} line may name. Content does not import the demos (it sits below them),
 * so whoever runs the linter passes the registry's ids in: the application (web's DemoRuns produces this
 * bean) and the lint command ({@code dev.quorum.cli.LintContent}). There is no second list to keep in step.
 */
@FunctionalInterface
public interface DemoCatalog {

    Set<String> ids();
}
