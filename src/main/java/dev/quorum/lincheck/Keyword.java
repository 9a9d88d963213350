package dev.quorum.lincheck;

/**
 * An EDN keyword such as {@code :write} or {@code :nemesis}, without its colon. Histories name operations,
 * outcomes and some processes with keywords, and a key-value history may use them as keys ({@code [:x 3]}).
 */
public record Keyword(String name) {

    public Keyword {
        if (!Symbol.validName(name)) {
            throw new IllegalArgumentException("not a keyword name: '" + name + "'");
        }
    }

    public static Keyword of(String name) {
        return new Keyword(name);
    }

    /** The keyword as EDN writes it: {@code :write}. */
    @Override
    public String toString() {
        return ":" + name;
    }
}
