package dev.quorum.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quorum.demo.AllDemos;
import org.junit.jupiter.api.Test;

class KnownDemosTest {

    @Test
    void theLinterKnowsExactlyTheDemosTheRegistryServes() {
        assertEquals(AllDemos.registry().ids(), KnownDemos.IDS);
    }
}
