package io.seatguard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A command line the JVM could not decode is refused before anything is sent or stored: run as a real JVM
 * under the C locale, which decodes "Café" to "Caf" and two U+FFFD (UndecodedArguments says why).
 */
class UndecodedArgumentsTest {

    @Test
    void anAppNameTheCLocaleCouldNotDecodeIsRefusedBeforeAnyRequest() throws Exception {
        // Port 1: were the name sent, the command would fail as "cannot reach" (exit status 1) instead.
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.seatguard.server.Main",
                "apps", "create", "--name", "Café", "--url", "http://127.0.0.1:1", "--admin-token", "sgadm_test");
        builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG") || name.startsWith("SEATGUARD_"));
        builder.environment().put("LC_ALL", "C");
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(err).isEqualTo(UndecodedArguments.REFUSED);
        assertThat(err).contains("cannot read").contains("LC_ALL=C.UTF-8").doesNotContain("cannot reach");
        assertThat(out).isEmpty();
    }

    /** A SEATGUARD_* variable is decoded as the command line is: a mail sender's name beyond ASCII became U+FFFD in every mail's From. */
    @Test
    void aVariableTheCLocaleCouldNotDecodeIsRefusedWithoutRepeatingIt() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.seatguard.server.Main",
                "apps", "list", "--url", "http://127.0.0.1:1", "--admin-token", "sgadm_test");
        builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG") || name.startsWith("SEATGUARD_"));
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("SEATGUARD_MAIL_FROM", "Sécurité Acme <no-reply@acme.example>");
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(err).isEqualTo(UndecodedArguments.REFUSED);
        assertThat(err).contains("SEATGUARD_MAIL_FROM holds characters").contains("LC_ALL=C.UTF-8").doesNotContain("Acme").doesNotContain("cannot reach");
        assertThat(out).isEmpty();
        assertThat(UndecodedArguments.fault(java.util.Map.of("SEATGUARD_MAIL_FROM", "Sécurité", "LANG", "x\uFFFD"), "UTF-8")).isEmpty();
    }

    /** The refusal names the option, never its value: a password beyond ASCII in --smtp-url went whole to standard error. */
    @Test
    void theRefusalNamesTheOptionNotItsValueAndUnderUtf8DoesNotAdviseUtf8() {
        String ascii = "ANSI_X3.4-1968";
        assertThat(UndecodedArguments.fault(new String[] {"serve", "--smtp-url", "smtp://ops:p\uFFFD\uFFFDss-s3cret@mail.example"}, ascii))
                .hasValueSatisfying(message -> assertThat(message).contains("--smtp-url").doesNotContain("s3cret").doesNotContain("mail.example"));
        assertThat(UndecodedArguments.fault(new String[] {"serve", "--smtp-url=smtp://ops:p\uFFFD\uFFFDss-s3cret@mail.example"}, ascii))
                .hasValueSatisfying(message -> assertThat(message).contains("the value of --smtp-url ").doesNotContain("s3cret"));
        assertThat(UndecodedArguments.fault(new String[] {"apps", "create", "--name", "Caf\uFFFD"}, "UTF-8"))
                .hasValueSatisfying(message -> assertThat(message).contains("--name").contains("UTF-8").doesNotContain("LC_ALL=C.UTF-8"));
    }

    @Test
    void argumentsDecodedWholeAreLeftAlone() {
        assertThat(UndecodedArguments.fault(new String[] {"apps", "create", "--name", "Café 東京"}, "UTF-8")).isEmpty();
        assertThat(UndecodedArguments.fault(List.of("--name", "Caf\uFFFD\uFFFD").toArray(String[]::new), "ANSI_X3.4-1968"))
                .hasValueSatisfying(message -> assertThat(message).contains("ANSI_X3.4-1968"));
    }
}
