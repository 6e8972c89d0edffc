package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import picocli.CommandLine;

/** Review finding: {@code --version} printed a hard-coded "Seatguard 0.1.0", which would go stale at the first release. */
class BuildVersionTest {
    @Test
    void versionPrintsTheProjectVersionOfThePom() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));

        assertThat(commandLine.execute("--version")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("Seatguard " + pomVersion());
    }

    /** The server module's version: its own, else its parent's (surefire runs in the module's folder). */
    private static String pomVersion() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        String own = xpath.evaluate("/project/version", pom).strip();
        String version = own.isEmpty() ? xpath.evaluate("/project/parent/version", pom).strip() : own;
        assertThat(version).as("the POM's version").isNotEmpty();
        return version;
    }
}
