package dev.quorum.demo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

    private static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer("nodes", 2, 8, 3, "How many nodes"),
            ParamSpec.choice("latency", List.of("constant", "uniform"), "uniform", "Delays"));

    @Test
    void absentParametersTakeTheirDefaultsInDeclarationOrder() {
        Params p = Params.parse(SPECS, Map.of("latency", "constant"));
        assertEquals(3, p.integer("nodes"));
        assertEquals("constant", p.choice("latency"));
        assertEquals(List.of("nodes", "latency"), List.copyOf(p.asMap().keySet()));
        assertEquals(Params.defaults(SPECS), Params.parse(SPECS, Map.of("nodes", " 3 ", "latency", "")));
    }

    @Test
    void anUnknownParameterIsNamedWithTheKnownOnes() {
        var e = assertThrows(InvalidParameter.class, () -> Params.parse(SPECS, Map.of("nodez", "3")));
        assertEquals("unknown parameter 'nodez' (parameters: nodes, latency)", e.getMessage());
    }

    @Test
    void anOutOfRangeValueNamesTheRange() {
        var e = assertThrows(InvalidParameter.class, () -> Params.parse(SPECS, Map.of("nodes", "9")));
        assertEquals("parameter 'nodes' must be between 2 and 8, got 9", e.getMessage());
        assertThrows(InvalidParameter.class, () -> Params.defaults(SPECS).with("nodes", 1));
    }

    @Test
    void aNonIntegerIsRefused() {
        var e = assertThrows(InvalidParameter.class, () -> Params.parse(SPECS, Map.of("nodes", "3.5")));
        assertEquals("parameter 'nodes' must be an integer between 2 and 8, got '3.5'", e.getMessage());
        assertThrows(InvalidParameter.class, () -> Params.parse(SPECS, Map.of("nodes", "99999999999999999999")));
    }

    @Test
    void aChoiceMustBeOneOfItsOptions() {
        var e = assertThrows(InvalidParameter.class, () -> Params.parse(SPECS, Map.of("latency", "pareto")));
        assertEquals("parameter 'latency' must be one of constant, uniform, got 'pareto'", e.getMessage());
    }

    @Test
    void withChangesOneValueAndKeepsTheRest() {
        Params p = Params.defaults(SPECS).with("nodes", 5);
        assertEquals(5, p.integer("nodes"));
        assertEquals("uniform", p.choice("latency"));
    }
}
