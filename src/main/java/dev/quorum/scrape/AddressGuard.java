package dev.quorum.scrape;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The scraper's SSRF guard: a host is resolved once, every address it resolves to is checked, and only
 * then may a connection be made, to one of those same checked addresses (so a second, different DNS
 * answer cannot slip in between check and connect).
 *
 * <p>Refused: loopback (unless explicitly allowed for test fixtures), "this network" 0.0.0.0/8 and ::,
 * private 10/8, 172.16/12, 192.168/16, carrier-grade NAT 100.64/10, link-local 169.254/16 (which holds
 * the cloud metadata address 169.254.169.254) and fe80::/10, unique-local fc00::/7, multicast, broadcast
 * and the reserved, documentation and benchmarking ranges. IPv6 forms that embed an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that address; Teredo
 * 2001::/32 is refused because its embedded address cannot be trusted.
 */
public final class AddressGuard {

    private final boolean allowLoopback;

    public AddressGuard(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Thrown when a host resolves to an address the scraper must not reach. */
    public static final class RefusedAddressException extends UnknownHostException {
        public RefusedAddressException(String message) {
            super(message);
        }
    }

    /** Resolves {@code host} and returns its addresses if every one of them is allowed. */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (host == null || host.isBlank()) {
            throw new UnknownHostException("no host");
        }
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress a : addresses) {
            Optional<String> why = whyRefused(a);
            if (why.isPresent()) {
                throw new RefusedAddressException(host + " resolves to " + a.getHostAddress() + ", " + why.get());
            }
        }
        return Arrays.copyOf(addresses, addresses.length);
    }

    /** Why {@code address} may not be reached, or empty when it may. */
    public Optional<String> whyRefused(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            return whyRefused6(v6.getAddress());
        }
        return whyRefused4(address.getAddress());
    }

    private Optional<String> whyRefused4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 127) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (a0 == 0) {
            return Optional.of("a 'this network' address (0.0.0.0/8)");
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return Optional.of("a private address");
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("a link-local address (cloud metadata lives here)");
        }
        if (a0 >= 224) {
            return Optional.of(a0 < 240 ? "a multicast address" : "a reserved or broadcast address");
        }
        if ((a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) || (a0 == 198 && (a1 == 18 || a1 == 19))
                || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)
                || (a0 == 192 && a1 == 88 && a2 == 99)) {
            return Optional.of("a reserved, documentation or benchmarking address");
        }
        return Optional.empty();
    }

    private Optional<String> whyRefused6(byte[] b) {
        if (isZero(b, 0, 16)) {
            return Optional.of("the unspecified address (::)");
        }
        if (isZero(b, 0, 15) && b[15] == 1) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback address");
        }
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12, "IPv4-mapped");
        }
        if (isZero(b, 0, 12)) {
            return embedded(b, 12, "IPv4-compatible");
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12)) {
            return embedded(b, 12, "NAT64");
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return embedded(b, 2, "6to4");
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            return Optional.of("a Teredo address (2001::/32)");
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a unique-local address (fc00::/7)");
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Optional.of("a link-local address (fe80::/10)");
        }
        if ((b[0] & 0xff) == 0xff) {
            return Optional.of("a multicast address");
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("a documentation address (2001:db8::/32)");
        }
        return Optional.empty();
    }

    private Optional<String> embedded(byte[] b, int offset, String form) {
        byte[] v4 = Arrays.copyOfRange(b, offset, offset + 4);
        return whyRefused4(v4).map(why -> why + " inside the " + form + " IPv6 address");
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
