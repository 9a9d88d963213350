package dev.quorum.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The application's entry point: Quarkus's own, after one setting that must be made before Quarkus starts.
 *
 * <p>Quarkus answers a request whose target {@link java.net.URI} cannot parse (a {@code %} without two hex digits,
 * or a character such as {@code |}, {@code {} or {@code "} that a URI must %-encode) with an empty 400, before any
 * route runs, unless the JVM property {@code vertx.disableURIValidation} is set when its HTTP recorder loads. Setting
 * it here hands that check to {@code web.RequestTarget}, which refuses exactly the same targets, first among the
 * routes, with the API's JSON error or the error page saying which character is wrong. A value given on the command
 * line is left as it is. The tests set the same property in the Maven build, since {@code @QuarkusTest} does not
 * run this method.
 */
@QuarkusMain
public final class Main {

    static final String URI_VALIDATION = "vertx.disableURIValidation";

    public static void main(String... args) {
        if (System.getProperty(URI_VALIDATION) == null) {
            System.setProperty(URI_VALIDATION, "true");
        }
        Quarkus.run(args);
    }
}
