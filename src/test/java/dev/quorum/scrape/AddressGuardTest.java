package dev.quorum.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private final AddressGuard guard = new AddressGuard(false);

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {
            "127.0.0.1", "127.1.2.3", "0.0.0.0", "0.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "100.64.0.1", "100.100.100.200", "169.254.169.254", "169.254.0.1", "224.0.0.1", "239.255.255.250",
            "240.0.0.1", "255.255.255.255", "192.0.2.1", "198.18.0.1", "198.51.100.7", "203.0.113.9",
            "::1", "::", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1",
            "64:ff9b::a9fe:a9fe", "2002:7f00:0001::", "2002:c0a8:0101::1", "2001:0:4136:e378::1",
            "fc00::1", "fd00:ec2::254", "fe80::1", "ff02::1", "2001:db8::1",
            "2130706433", "127.1"})
    void refusesNonPublicAddresses(String literal) {
        UnknownHostException e = assertThrows(UnknownHostException.class, () -> guard.resolve(literal));
        assertTrue(e instanceof AddressGuard.RefusedAddressException, literal + ": " + e);
    }

    @ParameterizedTest(name = "{0} is allowed")
    @ValueSource(strings = {"93.184.215.14", "1.1.1.1", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertEquals(1, guard.resolve(literal).length);
    }

    @Test
    void explainsWhy() throws UnknownHostException {
        assertEquals(Optional.of("a link-local address (cloud metadata lives here)"),
                guard.whyRefused(InetAddress.getByName("169.254.169.254")));
        assertEquals(Optional.of("a private address inside the 6to4 IPv6 address"),
                guard.whyRefused(InetAddress.getByName("2002:c0a8:0101::1")));
    }

    @Test
    void loopbackOnlyWhenExplicitlyAllowed() throws UnknownHostException {
        AddressGuard fixtures = new AddressGuard(true);
        assertEquals(1, fixtures.resolve("127.0.0.1").length);
        assertThrows(AddressGuard.RefusedAddressException.class, () -> fixtures.resolve("10.0.0.1"));
        assertThrows(AddressGuard.RefusedAddressException.class, () -> fixtures.resolve("169.254.169.254"));
    }

    @Test
    void ambiguousNotationsNeverReachLoopback() {
        // The JDK reads 0177.0.0.1 as decimal 177.0.0.1 and does not read hex at all. Whatever it makes of
        // a literal is the address that gets checked and then connected to, so no reading reaches 127/8.
        for (String literal : new String[] {"0x7f000001", "0177.0.0.1", "017700000001", "0x7f.0.0.1"}) {
            try {
                for (InetAddress a : guard.resolve(literal)) {
                    assertTrue(!a.isLoopbackAddress(), literal + " resolved to " + a);
                }
            } catch (UnknownHostException expected) {
                // not an address and not resolvable offline: never connected to
            }
        }
    }

    @Test
    void localhostByNameIsRefused() {
        assertThrows(AddressGuard.RefusedAddressException.class, () -> guard.resolve("localhost"));
    }
}
