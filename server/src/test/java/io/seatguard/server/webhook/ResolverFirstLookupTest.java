package io.seatguard.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Review finding (DNS rebinding): in a JVM that had looked up no name yet, the first webhook check looked
 * its host up through {@code InetAddress}, whose cache kept that unchecked answer for 30 s and gave it to
 * the connection ahead of the pin. A host refused at creation for its private answer, then switched to a
 * public one, was checked and pinned public at the try, and the connection went to the private address.
 * It needs a JVM of its own: this one looked names up long ago.
 */
class ResolverFirstLookupTest {
    @Test
    void theFirstLookupOfAFreshJvmLeavesNoUncheckedAnswerForTheConnection() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), RebindingAfterFirstLookup.class.getName()))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(output).as("the situation: no name looked up before, the first answer refused").contains("loaded-before=false refused-at-creation=true");
        assertThat(output).as("the connection uses the address the try checked and pinned")
                .contains("connects-to=" + RebindingAfterFirstLookup.PUBLIC + System.lineSeparator());
    }
}
