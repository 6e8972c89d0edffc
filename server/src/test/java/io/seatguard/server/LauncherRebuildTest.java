package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher rebuilds the jar when the sources are newer, and Maven rewrites it in place. Run while
 * {@code ./seatguard serve} ran from that jar (an {@code apps list} after a {@code git pull}), it broke the
 * server: every class it had not loaded yet failed to load, and its request threads spun at full CPU
 * logging NoClassDefFoundErrors, {@code /metrics} never answering (found in review). Tested on a copy of
 * the launcher in a checkout of fakes: a {@code mvnw} that records being run and a {@code java} that says
 * what it ran, with a process holding the jar open as a server does.
 */
class LauncherRebuildTest {
    @TempDir
    Path root;

    @Test
    void aCommandRunsTheJarAsItIsWhileAServerUsesItAndBuildAndTestRefuseRatherThanRebuildItUnderTheServer() throws Exception {
        Path jar = checkout();
        Process server = new ProcessBuilder("sleep", "60").redirectInput(jar.toFile()).start();
        try {
            Result result = launch("apps", "list");
            assertThat(Files.exists(root.resolve("mvnw-ran"))).as("no rebuild: " + result.err()).isFalse();
            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.err()).contains("a running Seatguard (pid " + server.pid() + ")").contains("-jar " + jar + " apps list");

            Result build = launch("build");
            assertThat(build.exit()).isEqualTo(1);
            assertThat(build.err()).contains("a running Seatguard (pid " + server.pid() + ") uses server/target/seatguard.jar");
            assertThat(Files.exists(root.resolve("mvnw-ran"))).as("no explicit build either").isFalse();

            Result test = launch("test");
            assertThat(test.exit()).isEqualTo(1);
            assertThat(test.err()).contains("a running Seatguard (pid " + server.pid() + ") uses server/target/seatguard.jar; the test suite");
            assertThat(Files.exists(root.resolve("mvnw-ran"))).as("nor the test suite, which packages the jar again").isFalse();
        }
        finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void withNoServerRunningNewerSourcesAreRebuiltAsBefore() throws Exception {
        checkout();
        launch("apps", "list");
        assertThat(Files.exists(root.resolve("mvnw-ran"))).as("rebuilt").isTrue();
    }

    @Test
    void aJarNewerThanEverySourceIsRunAsItIs() throws Exception {
        builtCheckout();
        Result result = launch("apps", "list");
        assertThat(Files.exists(root.resolve("mvnw-ran"))).as("no rebuild: " + result.err()).isFalse();
        assertThat(result.exit()).as(result.err()).isZero();
    }

    @Test
    void aPullThatMovesTheIpDataPinRebuilds() throws Exception {
        builtCheckout();
        Files.writeString(root.resolve("server/ip-data.json"), "{\"packages\": [\"a newer pin\"]}");
        launch("apps", "list");
        assertThat(Files.exists(root.resolve("mvnw-ran"))).as("rebuilt").isTrue();
    }

    @Test
    void aPullThatOnlyDeletesASourceRebuilds() throws Exception {
        builtCheckout();
        Files.delete(root.resolve("server/src/main/java/Gone.java"));
        launch("apps", "list");
        assertThat(Files.exists(root.resolve("mvnw-ran"))).as("rebuilt").isTrue();
    }

    @Test
    void aBuildThatDidNotFinishIsDoneAgainRatherThanItsCutShortJarRun() throws Exception {
        Path jar = root.resolve("server/target/seatguard.jar");
        builtCheckout();
        Path recordingMaven = root.resolve("mvnw.recording");
        Files.move(root.resolve("mvnw"), recordingMaven);
        // Maven stopped part way through writing the jar, as Ctrl-C leaves it: a jar newer than every source.
        script(root.resolve("mvnw"), "#!/bin/sh\nprintf 'cut short' > \"$(dirname \"$0\")/server/target/seatguard.jar\"\nexit 130\n");

        Result stopped = launch("build");
        assertThat(stopped.exit()).isEqualTo(130);
        assertThat(Files.readString(jar)).isEqualTo("cut short");

        Files.move(recordingMaven, root.resolve("mvnw"), StandardCopyOption.REPLACE_EXISTING);
        Result next = launch("apps", "list");
        assertThat(Files.exists(root.resolve("mvnw-ran"))).as("built again: " + next.err()).isTrue();
        // The mark names the stopped launcher, whose /proc entry is gone: not said as a shell's error about that file (found in review).
        assertThat(next.err()).contains("The last build of Seatguard did not finish").doesNotContain("/cmdline", "No such file");

        Files.delete(root.resolve("mvnw-ran"));
        launch("apps", "list");
        assertThat(Files.exists(root.resolve("mvnw-ran"))).as("once finished, not again").isFalse();
    }

    @Test
    void aCommandRunsNoJarWhileAnotherLauncherIsStillBuildingIt() throws Exception {
        builtCheckout();
        script(root.resolve("mvnw"), """
                #!/bin/sh
                d=$(dirname "$0"); touch "$d/mvnw-started"
                while [ ! -f "$d/release" ]; do sleep 0.1; done
                """);
        Process building = launcher(root.resolve("jdk"), root.resolve("no-jvms"), "build")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            for (int i = 0; i < 600 && !Files.exists(root.resolve("mvnw-started")); i++) {
                Thread.sleep(100);
            }
            assertThat(root.resolve("mvnw-started")).as("the build started").exists();

            Result meanwhile = launch("apps", "list");
            assertThat(meanwhile.exit()).isEqualTo(1);
            assertThat(meanwhile.err()).contains("Seatguard is being built (./seatguard pid " + building.pid() + ")").doesNotContain("fake java");
        }
        finally {
            Files.writeString(root.resolve("release"), "");
            assertThat(building.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(building.exitValue()).isZero();
    }

    @Test
    void anUnfinishedBuildsPidGivenToAnotherProgramIsNoBuildUnderWay() throws Exception {
        builtCheckout();
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            // The mark a launcher killed outright leaves, its pid now another program's.
            Files.writeString(root.resolve("server/target/.seatguard-build-unfinished"), other.pid() + "\n");
            Result result = launch("apps", "list");
            assertThat(result.err()).doesNotContain("being built");
            assertThat(Files.exists(root.resolve("mvnw-ran"))).as("built again: " + result.err()).isTrue();
        }
        finally {
            other.destroy();
            other.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void helpListsTheLauncherCommandsAfterTheJarsOwn() throws Exception {
        Path jar = root.resolve("server/target/seatguard.jar");
        builtCheckout();

        Result help = launch("--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.err()).as("the jar's own help ran").contains("-jar " + jar + " --help");
        assertThat(help.out()).contains("Launcher commands").contains("test [ARGS]").contains("build [ARGS]").contains("--launcher-java");

        for (String command : List.of("test", "build")) {
            Result commandHelp = launch(command, "--help");
            assertThat(commandHelp.exit()).as(commandHelp.err()).isZero();
            assertThat(commandHelp.out()).contains(command + " [ARGS]");
        }
        assertThat(Files.exists(root.resolve("mvnw-ran"))).as("Maven printed no usage of its own, nor built").isFalse();
    }

    @Test
    void theRebuildCompilesWithAJdkFromTheSearchDirsWhenJavaHomeIsARuntimeWithoutJavac() throws Exception {
        checkout();
        Path runtime = fakeJava(root.resolve("jre-25"), "25");
        Path jdk = fakeJava(root.resolve("jvms/jdk-21"), "21.0.5");
        script(jdk.resolve("bin/javac"), "#!/bin/sh\n");

        Result result = launch(runtime, root.resolve("jvms"), "apps", "list");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(Files.readString(root.resolve("mvnw-ran")).strip()).as("Maven's JAVA_HOME").isEqualTo(jdk.toRealPath().toString());
        assertThat(result.err()).as("the command still runs on JAVA_HOME's runtime").contains("fake java 25: ");
    }

    @Test
    void withOnlyARuntimeWithoutJavacTheRebuildStopsSayingSoInsteadOfFailingInMaven() throws Exception {
        checkout();
        Path runtime = fakeJava(root.resolve("jre-25"), "25");

        Result result = launch(runtime, root.resolve("no-jvms"), "apps", "list");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(Files.exists(root.resolve("mvnw-ran"))).as("Maven not run: " + result.err()).isFalse();
        assertThat(result.err())
                .contains("building Seatguard needs a JDK 21 or newer with its compiler (javac)")
                .contains(runtime.resolve("bin/java") + " (Java 25, a runtime only: no javac)");
    }

    /**
     * Review finding: under the C (POSIX) locale, what a container, cron or systemd gives a command unless told
     * otherwise, the JVM decodes its arguments as ASCII, so {@code ./seatguard apps create --name Café} made an
     * app named "Caf\uFFFD\uFFFD" and printed it as "Caf??". The launcher runs Java under C.UTF-8 then (the same
     * locale but for its character set), checked with a real JVM decoding a real argument.
     */
    @Test
    void underTheCLocaleJavaReadsTheArgumentsAsUtf8() throws Exception {
        assertThat(echoedThroughTheLauncherUnderTheCLocale(false)).isEqualTo("Café 4 UTF-8");
    }

    /**
     * Review finding: Alpine (musl) has no {@code locale} command, and the launcher, finding no character
     * set to compare, left the C locale as it was: "Café" reached Java as "Caf" and two U+FFFD. Without the
     * command, the locale variables say whether it is C; C.UTF-8 is musl's own, and where a libc lacks it
     * Java falls back to C, as before.
     */
    @Test
    void underTheCLocaleWithoutTheLocaleCommandJavaReadsTheArgumentsAsUtf8() throws Exception {
        assertThat(echoedThroughTheLauncherUnderTheCLocale(true)).isEqualTo("Café 4 UTF-8");
    }

    /** What Java, run by the launcher under LC_ALL=C, received as "Café": the text, its length, the character set it was decoded in. */
    private String echoedThroughTheLauncherUnderTheCLocale(boolean withoutLocaleCommand) throws Exception {
        builtCheckout();
        Files.writeString(root.resolve("Echo.java"), """
                class Echo {
                    public static void main(String[] args) {
                        String last = args[args.length - 1];
                        System.out.println(last + " " + last.length() + " " + System.getProperty("sun.jnu.encoding"));
                    }
                }
                """);
        String realJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        script(root.resolve("jdk/bin/java"), """
                #!/bin/sh
                if [ "$1" = "-version" ]; then echo 'openjdk version "21.0.5" 2024-10-15' >&2; exit 0; fi
                exec '%s' '%s' "$@"
                """.formatted(realJava, root.resolve("Echo.java")));
        assumeTrue(utf8LocaleInstalled(), "no C.UTF-8 locale on this machine");

        ProcessBuilder builder = launcher(root.resolve("jdk"), root.resolve("no-jvms"), "apps", "create", "--name", "Café");
        builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
        builder.environment().put("LC_ALL", "C");
        if (withoutLocaleCommand) {
            builder.environment().put("PATH", root.resolve("path/bin") + ":" + pathWithout("locale"));
        }
        Path out = Files.createTempFile(root, "launcher", ".out");
        Process process = builder.redirectOutput(out.toFile()).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(err).isZero();
        return Files.readString(out, StandardCharsets.UTF_8).strip();
    }

    /** One folder of links to every command on this PATH but {@code command}. */
    private String pathWithout(String command) throws IOException {
        Path bin = Files.createDirectories(root.resolve("without-" + command));
        for (String dir : System.getenv("PATH").split(":")) {
            if (!Files.isDirectory(Path.of(dir))) {
                continue;
            }
            try (var files = Files.list(Path.of(dir))) {
                for (Path file : files.toList()) {
                    Path link = bin.resolve(file.getFileName().toString());
                    if (!file.getFileName().toString().equals(command) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, file);
                    }
                }
            }
        }
        return bin.toString();
    }

    /** Whether {@code locale} knows C.UTF-8 (glibc 2.35 and later build it in; Debian has long shipped it). */
    private static boolean utf8LocaleInstalled() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("locale", "charmap").redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8");
        try {
            Process process = builder.start();
            String charmap = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 && charmap.equals("UTF-8");
        }
        catch (IOException e) {
            return false;
        }
    }

    private record Result(int exit, String out, String err) {}

    /** A checkout with the real launcher, a jar older than one source file, a fake JDK and a fake Maven; returns the jar. */
    private Path checkout() throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        repo = Files.isRegularFile(repo.resolve("seatguard")) ? repo : repo.getParent();
        Files.createDirectories(root.resolve("bin"));
        Files.copy(repo.resolve("seatguard"), root.resolve("seatguard"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(repo.resolve("bin/find-jdk.sh"), root.resolve("bin/find-jdk.sh"), StandardCopyOption.COPY_ATTRIBUTES);
        fakeJava(root.resolve("jdk"), "21.0.5");
        script(root.resolve("jdk/bin/javac"), "#!/bin/sh\n");
        // Records the JAVA_HOME Maven would run on (and compile with).
        script(root.resolve("mvnw"), "#!/bin/sh\nprintf '%s\\n' \"$JAVA_HOME\" > \"$(dirname \"$0\")/mvnw-ran\"\n");
        // Shadows the machine's java, which may be a JDK 21+, so that only the fakes here are found.
        fakeJava(root.resolve("path"), "17.0.15");
        Path jar = Files.createDirectories(root.resolve("server/target")).resolve("seatguard.jar");
        Files.writeString(jar, "not really a jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.writeString(Files.createDirectories(root.resolve("server/src/main")).resolve("Changed.java"), "class Changed {}");
        return jar;
    }

    /** A checkout whose jar was built after every source, the folders included (as a build leaves it). */
    private void builtCheckout() throws IOException {
        Path jar = checkout();
        Files.writeString(Files.createDirectories(root.resolve("server/src/main/java")).resolve("Gone.java"), "class Gone {}");
        Files.writeString(root.resolve("server/ip-data.json"), "{\"packages\": []}");
        FileTime beforeTheBuild = FileTime.from(Instant.now().minusSeconds(7200));
        for (String source : List.of("server/src/main/Changed.java", "server/src/main/java/Gone.java", "server/ip-data.json",
                "server/src/main/java", "server/src/main")) {
            Files.setLastModifiedTime(root.resolve(source), beforeTheBuild);
        }
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600)));
    }

    private Result launch(String... args) throws Exception {
        return launch(root.resolve("jdk"), root.resolve("no-jvms"), args);
    }

    private Result launch(Path javaHome, Path jvmDirs, String... args) throws Exception {
        Path out = Files.createTempFile(root, "launcher", ".out");
        Process process = launcher(javaHome, jvmDirs, args).redirectOutput(out.toFile()).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(out), err);
    }

    /** The checkout's launcher with these arguments, seeing only the fake JDKs named. */
    private ProcessBuilder launcher(Path javaHome, Path jvmDirs, String... args) {
        ProcessBuilder builder = new ProcessBuilder(new java.util.ArrayList<>(List.of(root.resolve("seatguard").toString())));
        builder.command().addAll(List.of(args));
        builder.environment().keySet().removeIf(name -> name.startsWith("SEATGUARD_"));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("SEATGUARD_JVM_DIRS", jvmDirs.toString());
        builder.environment().put("PATH", root.resolve("path/bin") + ":" + System.getenv("PATH"));
        return builder;
    }

    /** A {@code home/bin/java} that gives {@code version} and says what it ran; returns home. */
    private static Path fakeJava(Path home, String version) throws IOException {
        script(home.resolve("bin/java"), """
                #!/bin/sh
                if [ "$1" = "-version" ]; then echo 'openjdk version "%s" 2024-10-15' >&2; exit 0; fi
                echo "fake java %s: $*" >&2
                """.formatted(version, version));
        return home;
    }

    private static void script(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
