package dev.quorum.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random damage to valid histories, read as a web endpoint would (with a model, then checked within a
 * budget): the only exception ever thrown is the reader's own, every history that does read is checked
 * without error and writes back to itself, and nothing overflows the stack.
 */
class EdnFuzzTest {

    private static final int MUTANTS = 6_000;
    private static final String ALPHABET = "{}[]()#_:;\"\\ ,\n\t0123456789-+.eENM/abcfnrtuxyz@^`~'\u0000\u00e9\u2028";
    private static final Edn.Limits LIMITS = new Edn.Limits(200_000, 5_000);

    private record Seed(String text, Model<?> model) {
    }

    @Test
    void damagedHistoriesFailOnlyWithTheReadersOwnException() {
        SplittableRandom random = new SplittableRandom(15);
        List<Seed> seeds = new ArrayList<>();
        seeds.add(new Seed(EdnTest.resource("etcd-register.edn"), Register.empty()));
        seeds.add(new Seed(EdnTest.resource("independent-kv.edn"), new KeyValueMap()));
        seeds.add(new Seed(EdnTest.resource("tagged-list.edn"), Register.empty()));
        for (int k = 0; k < 5; k++) {
            seeds.add(new Seed(Edn.write(RandomHistories.register(random, 10, 3)), Register.empty()));
        }
        int read = 0;
        int refused = 0;
        for (int k = 0; k < MUTANTS; k++) {
            Seed seed = seeds.get(random.nextInt(seeds.size()));
            String text = seed.text();
            int damage = 1 + random.nextInt(4);
            for (int d = 0; d < damage; d++) {
                text = mutate(text, random);
            }
            try {
                History h = Edn.read(text, LIMITS, seed.model());
                Linearizability.check(h, seed.model(), Budget.states(20_000));
                assertEquals(h, Edn.read(Edn.write(h), LIMITS, seed.model()));
                read++;
            } catch (MalformedHistory expected) {
                assertTrue(expected.line() >= 1 && expected.column() >= 1 && !expected.reason().isBlank());
                refused++;
            }
        }
        assertTrue(read > MUTANTS / 50 && refused > MUTANTS / 2, read + " read, " + refused + " refused");
    }

    private static String mutate(String text, SplittableRandom random) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        switch (random.nextInt(9)) {
            case 0:
                return text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
            case 1:
                return text.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + text.substring(at);
            case 2:
                return text.isEmpty() ? text
                        : text.substring(0, at) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + text.substring(at + 1);
            case 3: {
                int end = Math.min(text.length(), at + random.nextInt(200));
                return text.substring(0, end) + text.substring(at, end) + text.substring(end);
            }
            case 4:
                return text.substring(0, at);
            case 5: {
                String[] deep = {"[", "{", "(", "#{", "#_", "#a ", "\"", "\\", ";"};
                return text.substring(0, at) + deep[random.nextInt(deep.length)].repeat(1 + random.nextInt(3_000)) + text.substring(at);
            }
            case 6:
                return text.substring(0, at) + "9".repeat(1 + random.nextInt(200)) + text.substring(at);
            case 7:
                return dev.quorum.ForAll.swapLines(random, text);
            default: {
                String[] words = {":invoke", ":ok", ":fail", ":info", ":nemesis", ":process", ":index", "nil", ":cas", ":read",
                        "[1 2]", "-1", "1.5", "3N", "#inst \"2024\"", ":value", "#_ 1", "\\u00e9", "\\newline"};
                return text.substring(0, at) + " " + words[random.nextInt(words.length)] + " " + text.substring(at);
            }
        }
    }
}
