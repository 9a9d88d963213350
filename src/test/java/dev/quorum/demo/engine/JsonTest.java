package dev.quorum.demo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Inner(String name, List<Integer> values) {
    }

    record Outer(long id, boolean ok, Inner inner, Object nothing) {
    }

    @Test
    void recordsAreWrittenAsObjectsOfTheirComponentsInOrder() {
        assertEquals("{\"id\":7,\"ok\":true,\"inner\":{\"name\":\"x\",\"values\":[1,2]},\"nothing\":null}",
                Json.write(new Outer(7, true, new Inner("x", List.of(1, 2)), null)));
    }

    @Test
    void stringsAreEscapedSoTheOutputIsSafeInsideAPage() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\\u003c/script>\\u2028\"", Json.write("a\"b\\c\n\u0001</script>\u2028"));
    }

    @Test
    void mapsWithoutAnOrderAreSortedAndOrderedOnesKeepTheirs() {
        Map<String, Integer> hashed = new HashMap<>();
        Map<String, Integer> linked = new LinkedHashMap<>();
        for (String k : List.of("zeta", "alpha", "mid")) {
            hashed.put(k, k.length());
            linked.put(k, k.length());
        }
        assertEquals("{\"alpha\":5,\"mid\":3,\"zeta\":4}", Json.write(hashed));
        assertEquals("{\"zeta\":4,\"alpha\":5,\"mid\":3}", Json.write(linked));
    }

    @Test
    void setsWithoutAnOrderAreSortedSoHashOrderNeverLeaks() {
        java.util.Set<Object> hashed = new java.util.HashSet<>(List.of(10, 9, -3, 100));
        assertEquals("[-3,9,10,100]", Json.write(hashed));
        assertEquals("[\"a\",\"b\",\"zz\"]", Json.write(new java.util.HashSet<>(List.of("zz", "b", "a"))));
        assertEquals("[2,\"x\",{\"name\":\"y\",\"values\":[]}]",
                Json.write(new java.util.HashSet<>(List.of(new Inner("y", List.of()), "x", 2))));
        java.util.Set<String> linked = new java.util.LinkedHashSet<>(List.of("zz", "a"));
        assertEquals("[\"zz\",\"a\"]", Json.write(linked), "a set with an order keeps it");
        assertEquals("[\"a\",\"zz\"]", Json.write(new java.util.TreeSet<>(linked)));
    }

    @Test
    void valuesTakeTheShapeOfTheirKindAndVectorsNameTheirNodes() {
        StringBuilder out = new StringBuilder();
        new Json(out, List.of("n1", "n2")).value(Value.vector(new int[] {2, 0}));
        assertEquals("{\"n1\":2,\"n2\":0}", out.toString());
        assertEquals("4", Json.write(Value.scalar(4)));
        assertEquals("{\"lo\":95,\"hi\":105}", Json.write(Value.interval(95, 105)));
        assertEquals("\"x\"", Json.write(Value.register("x")));
        assertEquals("null", Json.write(Value.register(null)));
        assertEquals("\"leader\"", Json.write(Value.role("leader")));
        assertEquals("[\"1:put x\",2]", Json.write(Value.log(List.of("1:put x", 2))));
        assertThrows(IllegalArgumentException.class, () -> Value.role("Leader <b>"));
        assertThrows(IllegalArgumentException.class, () -> Value.interval(5, 4));
        assertThrows(IllegalArgumentException.class, () -> Value.register(new Object()));
    }
}
