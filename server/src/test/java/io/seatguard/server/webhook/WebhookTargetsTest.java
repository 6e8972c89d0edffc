package io.seatguard.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Which webhook targets are refused, judged on the addresses a host name resolves to (answered here without DNS). */
class WebhookTargetsTest {
    /**
     * Review finding (SSRF through IPv4-mapped answers): a host whose AAAA record is {@code ::ffff:127.0.0.1}
     * resolves to an {@code Inet6Address} the JDK calls neither loopback nor private, and deliveries reached
     * 127.0.0.1. The lookup here answers exactly as the JDK's resolver does for such a record.
     */
    @Test
    void aHostResolvingToAnIpv4MappedPrivateAddressIsRefused() throws Exception {
        for (String carried : List.of("127.0.0.1", "10.0.0.1", "169.254.169.254")) {
            InetAddress resolved = mapped(carried);
            assertThat(resolved).isInstanceOf(Inet6Address.class);
            WebhookTargets targets = new WebhookTargets(false, host -> List.of(resolved));
            assertThat(targets.checkAndPin("mapped.example")).as(carried).hasValueSatisfying(reason -> assertThat(reason).contains("not globally reachable"));
            assertThat(targets.refusal("https://mapped.example/hook")).as(carried).isPresent();
        }
        InetAddress publicAddress = mapped("8.8.8.8");
        WebhookTargets targets = new WebhookTargets(false, host -> List.of(publicAddress));
        assertThat(targets.checkAndPin("public.example")).as("a public IPv4 address, mapped").isEmpty();
    }

    /**
     * Review finding (SSRF through a leading zero): "0127.0.0.1" is no canonical address, so it was looked
     * up, and the system resolver read it as octal, 87.0.0.1 (public, so allowed and pinned); the HTTP
     * client read the same text as the literal 127.0.0.1 and connected there. A host of numbers alone is
     * refused before any lookup, here one that answers a public address for anything.
     */
    @Test
    void aHostOfNumbersAloneInAnyButTheCanonicalFormIsRefusedBeforeAnyLookup() throws Exception {
        InetAddress publicAddress = InetAddress.getByAddress(new byte[] {87, 0, 0, 1});
        WebhookTargets targets = new WebhookTargets(false, host -> List.of(publicAddress));
        for (String host : List.of("0127.0.0.1", "010.0.0.1", "0172.016.0.1", "127.1", "2130706433", "0x7f.0.0.1", "0X7F000001", "127.0.0.1.",
                "8.8.8.08")) {
            assertThat(targets.refusal("http://" + host + ":9601/hook")).as(host).hasValueSatisfying(reason -> assertThat(reason).contains("a.b.c.d"));
            assertThat(targets.checkAndPin(host)).as("a stored endpoint's delivery too: " + host)
                    .hasValueSatisfying(reason -> assertThat(reason).contains("a.b.c.d"));
        }
        // Review finding: the forms java.net.URI finds no host in ("127.1", and dots IDNA reads as dots) got
        // "must be an absolute http or https URL" where "0177.0.0.1" got the reason.
        for (String url : List.of("http://127.1/", "http://127.1:8080/hook", "http://127\u30020\u30020\u30021/", "https://127\uFF0E0\uFF0E0\uFF0E1/",
                "http://10\uFF610\uFF610\uFF611:9/", "http://127.0.0.1./")) {
            assertThat(targets.urlRefusal(url)).as(url).hasValueSatisfying(reason -> assertThat(reason).contains("a.b.c.d"));
        }
        assertThat(targets.urlRefusal("http://exa\u3002mple/")).as("not numbers alone: a domain, but no ASCII one")
                .hasValueSatisfying(reason -> assertThat(reason).contains("no domain name"));
        for (String digits : List.of("\uff11\uff12\uff17.\uff10.\uff10.\uff11", "\uff11\uff12\uff17\u3002\uff11", "0x\uff17f.1")) {
            // Full-width digits: 127.0.0.1 to a browser, and left as written by withAsciiHost so that the reason is this one.
            String url = "http://" + digits + ":9/hook";
            assertThat(WebhookTargets.withAsciiHost(url)).as(digits).isEqualTo(url);
            assertThat(targets.urlRefusal(url)).as(digits).hasValueSatisfying(reason -> assertThat(reason).contains("a.b.c.d"));
        }
        assertThat(targets.refusal("http://8.8.8.8/hook")).as("the canonical form").isEmpty();
        assertThat(targets.refusal("http://0x.example/hook")).as("a name with a hex-looking label").isEmpty();
        assertThat(targets.refusal("http://1password.example/hook")).isEmpty();
    }

    /**
     * A host with non-ASCII letters is written as a browser writes it before going there (UTS 46, as an
     * app's allowed origins are); that ASCII form is what is checked, looked up and stored. A host left
     * as written (WebDomainsTest) is refused as no domain name.
     */
    @Test
    void aHostOfNonAsciiLettersIsJudgedAndLookedUpInItsAsciiForm() throws Exception {
        // WebDomainsTest has the conversion's rows; here, that a webhook takes it and gives its own reasons.
        assertThat(WebhookTargets.withAsciiHost("https://b\u00fccher.example/" + "x".repeat(2040))).as("longer than a webhook URL may be")
                .startsWith("https://b\u00fccher.example/");
        InetAddress publicAddress = InetAddress.getByAddress(new byte[] {8, 8, 8, 8});
        List<String> lookedUp = new java.util.concurrent.CopyOnWriteArrayList<>();
        WebhookTargets targets = new WebhookTargets(false, host -> {
            lookedUp.add(host);
            return List.of(publicAddress);
        });
        assertThat(targets.refusal(WebhookTargets.withAsciiHost("https://hooks.b\u00fccher.example/hook"))).isEmpty();
        assertThat(lookedUp).containsExactly("hooks.xn--bcher-kva.example");
        for (String refused : List.of("https://example.com\uff0fb\u00fccher.example/", "https://b\u00fccher.example\uff1a8443/",
                "https://a\u200db.example/", "https://\u05d0b.example/", "https://evil.example\uff20b\u00fccher.example/")) {
            assertThat(targets.urlRefusal(WebhookTargets.withAsciiHost(refused))).as(refused)
                    .hasValueSatisfying(reason -> assertThat(reason).contains("no domain name"));
        }
    }

    /**
     * Found in review, seeking what a list's domain pattern had done: the host-of-numbers pattern recursed
     * once per dot-separated part, and a URL of 2,048 characters whose host held a thousand parts overflowed
     * the stack of a request's thread (-Xss1m, as deployed): an empty 500 instead of an answer.
     */
    @Test
    void aHostOfAThousandPartsIsJudgedWithoutOverflowingTheStack() throws Exception {
        InetAddress publicAddress = InetAddress.getByAddress(new byte[] {8, 8, 8, 8});
        WebhookTargets targets = new WebhookTargets(false, host -> List.of(publicAddress));
        String numbers = "1.".repeat(1_010) + "1";
        String named = "1.".repeat(1_010) + "example";
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread request = new Thread(null, () -> {
            try {
                assertThat(targets.checkAndPin(numbers)).hasValueSatisfying(reason -> assertThat(reason).contains("a.b.c.d"));
                assertThat(targets.refusal("http://" + named + "/hook")).as("a name whose last label is no number").isEmpty();
                assertThat(WebhookTargets.isNumericHost(numbers + ".")).isTrue();
            }
            catch (Throwable e) {
                failed.set(e);
            }
        }, "request", 1024 * 1024);
        request.start();
        request.join();
        assertThat(failed.get()).isNull();
        // The parts as the whole-host pattern took them.
        for (String notNumbers : List.of("", ".", "1..2", "1.2..", ".1", "1.a", "1.0x1g")) {
            assertThat(WebhookTargets.isNumericHost(notNumbers)).as(notNumbers).isFalse();
        }
        for (String onlyNumbers : List.of("0", "0x", "127.1", "0X7f.0.0.1.", "2130706433")) {
            assertThat(WebhookTargets.isNumericHost(onlyNumbers)).as(onlyNumbers).isTrue();
        }
    }

    /**
     * Review finding: old-style IPv4-compatible IPv6 addresses ({@code ::/96}) were judged by the IPv4 address
     * they carry, so {@code http://[::45.33.99.7]:8443/} was a public target, though no connection reaches it
     * and webhooks.md refuses every IPv6 address outside 2000::/3. Refused, with private targets allowed too;
     * {@code ::1} stays loopback (allowed only with them).
     */
    @Test
    void anIpv4CompatibleIpv6AddressIsRefusedEvenWithPrivateTargetsAllowed() throws Exception {
        InetAddress compatible = Inet6Address.getByAddress(null, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 45, 33, 99, 7}, -1);
        for (boolean allowPrivate : List.of(false, true)) {
            WebhookTargets targets = new WebhookTargets(allowPrivate, host -> List.of(compatible));
            for (String url : List.of("http://[::1.2.3.4]/", "http://[::45.33.99.7]:8443/", "https://[0:0:0:0:0:0:2d21:6307]/hook", "http://[::127.0.0.1]/")) {
                assertThat(targets.refusal(url)).as(url + ", private allowed: " + allowPrivate)
                        .hasValueSatisfying(reason -> assertThat(reason).contains("IPv4-compatible").contains("::/96"));
            }
            assertThat(targets.checkAndPin("compatible.example")).as("a host whose AAAA record is one, at a try")
                    .hasValueSatisfying(reason -> assertThat(reason).contains("IPv4-compatible"));
        }
        assertThat(new WebhookTargets(true).refusal("http://[::1]:9/hook")).as("loopback, private targets allowed").isEmpty();
        assertThat(new WebhookTargets(false).refusal("http://[::1]:9/hook")).hasValueSatisfying(reason -> assertThat(reason).contains("not globally reachable"));
        assertThat(new WebhookTargets(false).refusal("http://[::ffff:45.33.99.7]:8443/")).as("IPv4-mapped is another matter: it connects").isEmpty();
        assertThat(new WebhookTargets(false).refusal("http://[2600::1]/")).isEmpty();
    }

    /**
     * Review finding: a try's name lookup ran before its 20 s deadline started, so a resolver that hung held
     * the try (and, then, a sender) for as long as it liked. The lookup is now waited for only so long.
     */
    @Test
    void aLookupThatHangsIsWaitedForOnlyAsLongAsAsked() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        WebhookTargets targets = new WebhookTargets(false, host -> {
            try {
                never.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new java.net.UnknownHostException(host);
        });
        try {
            Optional<String> refusal = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> targets.checkAndPin("hangs.example", Duration.ofMillis(300)));
            assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason).contains("did not resolve within 300 ms"));
        }
        finally {
            never.countDown();
        }
    }

    /**
     * Review finding: every try's lookup ran on one pool of 16 threads, so one app's endpoints on hosts whose
     * name server never answers (its DNS down, or made so) held every thread until the resolver gave up, and
     * every other app's tries waited in line behind them past their deadline: "did not resolve within 20 s",
     * retried, and failed for good if it lasted. A delivery's lookup no longer waits for another host's.
     */
    @Test
    void hostsWhoseLookupsHangHoldUpNoOtherHostsDeliveryCheck() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger hanging = new java.util.concurrent.atomic.AtomicInteger();
        WebhookTargets targets = new WebhookTargets(true, host -> {
            if (host.startsWith("hangs-")) {
                hanging.incrementAndGet();
                try {
                    never.await();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new java.net.UnknownHostException(host);
            }
            return List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}));
        });
        try (var tries = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                // One app's twenty endpoints, each on a host of its own whose lookups hang.
                for (int i = 0; i < 20; i++) {
                    String host = "hangs-" + i + ".example";
                    tries.submit(() -> targets.checkAndPin(host, Duration.ofSeconds(20)));
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (hanging.get() < 16) {
                    assertThat(System.nanoTime()).as("the hanging lookups have started").isLessThan(deadline);
                    Thread.sleep(10);
                }

                assertThat(targets.checkAndPin("answers.example", Duration.ofSeconds(2))).as("another app's try").isEmpty();
            }
            finally {
                // The hanging lookups end, and with them the tries waiting for them.
                never.countDown();
            }
        }
    }

    /**
     * Review finding: checking a URL when an endpoint is created pinned its host, and pins were never
     * dropped, so API calls with made-up hosts grew the pins without end. Only a delivery pins now.
     */
    @Test
    void checkingAnEndpointsUrlPinsNothingAndADeliveryPinsItsHost() throws Exception {
        InetAddress publicAddress = InetAddress.getByAddress(new byte[] {8, 8, 4, 4});
        WebhookTargets targets = new WebhookTargets(false, host -> List.of(publicAddress));
        String host = "unpinned-" + UUID.randomUUID() + ".example";
        assertThat(targets.refusal("https://" + host + "/hook")).isEmpty();
        assertThat(PinnedResolverProvider.pinned(host)).isFalse();
        assertThat(targets.checkAndPin(host, Duration.ofSeconds(5))).isEmpty();
        assertThat(PinnedResolverProvider.pinned(host)).isTrue();
    }

    private static InetAddress mapped(String ipv4) throws Exception {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, bytes, 12, 4);
        // Inet6Address.getByAddress keeps the IPv6 form, as the resolver does; InetAddress.getByAddress would not.
        return Inet6Address.getByAddress(null, bytes, -1);
    }
}
