package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests the JDK discovery of the {@code ./seatguard} launcher ({@code bin/find-jdk.sh}) against fake
 * JDKs: folders with a {@code bin/java} shell script that prints a canned {@code -version} banner.
 *
 * <p>Every process runs with a cleared environment: PATH holds only a folder for an optional fake
 * java plus a folder of symlinks to the few system tools the scripts need (so the machine's own
 * {@code /usr/bin/java} is never seen), and {@code SEATGUARD_JVM_DIRS} points at the fake JDKs (so
 * {@code /usr/lib/jvm} is never seen). Nothing here runs Maven: {@code --launcher-java} exits before
 * the launcher would build anything.
 */
class LauncherJdkDiscoveryTest {

    /** System tools the scripts (and {@code #!/usr/bin/env bash}) may need; missing ones are skipped. */
    private static final List<String> TOOLS = List.of(
            "bash", "sh", "env", "readlink", "timeout", "dirname", "basename", "find", "grep", "sed", "cat");

    private static final String FIND_JAVA = "source \"$1\" && seatguard_find_java";
    private static final String JAVA_HOME_OF = "source \"$1\" && seatguard_java_home_of \"$2\"";

    private final AtomicInteger runs = new AtomicInteger();

    @TempDir
    Path tmp;

    /** The search root handed to the scripts as SEATGUARD_JVM_DIRS. */
    private Path jvmDir;
    /** JDKs that exist but are not under the search root. */
    private Path elsewhere;
    /** First PATH entry; holds a fake {@code java} only when a test puts one there. */
    private Path pathBin;
    /**
     * Second (and last) PATH entry: symlinks to bash, readlink, ... Kept outside the {@code @TempDir}
     * (JUnit warns about deleting links that point outside it) and shared by all tests.
     */
    private static Path toolsBin;

    private Path repoRoot;

    @BeforeAll
    static void linkSystemTools() throws IOException {
        toolsBin = Files.createTempDirectory("seatguard-launcher-tools");
        for (String tool : TOOLS) {
            Path target = systemTool(tool);
            if (target != null) {
                Files.createSymbolicLink(toolsBin.resolve(tool), target);
            }
        }
        assertThat(toolsBin.resolve("bash")).as("bash is installed").exists();
        assertThat(toolsBin.resolve("readlink")).as("readlink is installed").exists();
    }

    @AfterAll
    static void removeSystemToolLinks() throws IOException {
        if (toolsBin == null) {
            return;
        }
        try (Stream<Path> links = Files.list(toolsBin)) {
            for (Path link : links.toList()) {
                Files.delete(link); // deletes the link, not its target
            }
        }
        Files.delete(toolsBin);
    }

    @BeforeEach
    void setUp() throws IOException {
        repoRoot = findRepoRoot();
        assertThat(repoRoot.resolve("seatguard")).as("the launcher in the repo root").isRegularFile();
        assertThat(Files.isExecutable(repoRoot.resolve("seatguard"))).as("./seatguard is executable").isTrue();
        assertThat(repoRoot.resolve("bin/find-jdk.sh")).isRegularFile();

        jvmDir = Files.createDirectories(tmp.resolve("jvm"));
        elsewhere = Files.createDirectories(tmp.resolve("opt"));
        pathBin = Files.createDirectories(tmp.resolve("path-bin"));
    }

    // --- seatguard_find_java ----------------------------------------------------------------

    @Test
    void picksTheNewestInstalledJdkWhenJavaHomePointsAtAJava17() throws Exception {
        Path jdk17 = fakeJdk(jvmDir, "java-17-openjdk-amd64", "17.0.15");
        Path jdk25 = fakeJdk(jvmDir, "temurin-25-jdk-amd64", "25");

        Result result = findJava(Map.of("JAVA_HOME", jdk17.toString()));

        assertFound(result, jdk25);
    }

    @Test
    void keepsJavaHomeWhenItIsAJava21EvenThoughAJava25IsInstalled() throws Exception {
        Path jdk21 = fakeJdk(elsewhere, "jdk-21.0.1", "21.0.1");
        fakeJdk(jvmDir, "temurin-25-jdk-amd64", "25.0.3");

        Result result = findJava(Map.of("JAVA_HOME", jdk21.toString()));

        assertFound(result, jdk21);
    }

    @Test
    void picksTheHighestVersionAmongSeveralCandidatesEvenAnEarlyAccessBuild() throws Exception {
        fakeJdk(jvmDir, "jdk-11", "11.0.22");
        Path jdk25ea = fakeJdk(jvmDir, "jdk-25-ea", "25-ea");
        fakeJdk(jvmDir, "zulu-22", "22.0.2");

        Result result = findJava(Map.of());

        assertFound(result, jdk25ea);
    }

    @Test
    void findsNothingWhenOnlyAJava8IsInstalled() throws Exception {
        Path jdk8 = fakeJdk(jvmDir, "jdk1.8.0_392", "1.8.0_392", "java version");
        writeFakeJava(pathBin.resolve("java"), "1.8.0_392", "java version", 0);

        Result result = findJava(Map.of("JAVA_HOME", jdk8.toString()));

        assertThat(result.exitCode()).as("exit code (stderr: %s)", result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void readsJava1Dot8AsMajorVersion8() throws Exception {
        Path jdk8 = fakeJdk(jvmDir, "jdk1.8.0_392", "1.8.0_392", "java version");
        fakeJdk(jvmDir, "jdk-7", "1.7.0_80", "java version");

        Result result = findJava(Map.of("SEATGUARD_MIN_JAVA", "8"));

        assertFound(result, jdk8);
    }

    @Test
    void skipsJavasThatPrintGarbageOrExitWithAnErrorOrAreNotExecutable() throws Exception {
        Path garbage = jvmDir.resolve("jdk-garbage/bin/java");
        writeScript(garbage, """
                #!/bin/sh
                echo 'Error: dl failure on line 42' >&2
                echo 'Segmentation fault (core dumped)' >&2
                exit 0
                """);
        Path failing = fakeJdk(jvmDir, "jdk-26-failing", "26");
        writeFakeJava(failing.resolve("bin/java"), "26", "openjdk version", 134);
        Path notExecutable = fakeJdk(jvmDir, "jdk-27-not-executable", "27");
        Files.setPosixFilePermissions(notExecutable.resolve("bin/java"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectories(jvmDir.resolve("jdk-28-without-java/bin"));
        Files.writeString(jvmDir.resolve("not-a-jdk.jinfo"), "name=whatever\n");
        Path jdk21 = fakeJdk(jvmDir, "jdk-21", "21.0.8");

        Result result = findJava(Map.of("JAVA_HOME", garbage.getParent().getParent().toString()));

        assertFound(result, jdk21);
    }

    @Test
    void usesTheJavaOnThePathWhenJavaHomeIsUnsetAndItQualifies() throws Exception {
        Path pathJava = pathBin.resolve("java");
        writeFakeJava(pathJava, "22.0.2", "openjdk version", 0);
        fakeJdk(jvmDir, "temurin-25-jdk-amd64", "25");

        Result result = findJava(Map.of());

        assertThat(result.exitCode()).as("exit code (stderr: %s)", result.stderr()).isZero();
        assertThat(result.stdout().strip()).isEqualTo(pathJava.toString());
    }

    @Test
    void fallsBackToTheSearchDirsWhenTheJavaOnThePathIsTooOld() throws Exception {
        writeFakeJava(pathBin.resolve("java"), "17.0.15", "openjdk version", 0);
        Path jdk21 = fakeJdk(jvmDir, "jdk-21", "21");

        Result result = findJava(Map.of());

        assertFound(result, jdk21);
    }

    @Test
    void honoursAHigherMinimumVersionFromSeatguardMinJava() throws Exception {
        Path jdk22 = fakeJdk(elsewhere, "jdk-22", "22.0.2");
        Path jdk25 = fakeJdk(jvmDir, "jdk-25", "25.0.1");

        Result result = findJava(Map.of("JAVA_HOME", jdk22.toString(), "SEATGUARD_MIN_JAVA", "25"));

        assertFound(result, jdk25);
    }

    @Test
    void findsJdksInFoldersWithSpacesInTheirNames() throws Exception {
        Path spaced = Files.createDirectories(tmp.resolve("Program Files/Java"));
        Path jdk22 = fakeFullJdk(spaced, "jdk 22", "22.0.2");
        Path jdk21 = fakeFullJdk(elsewhere, "my jdk 21", "21.0.8");

        assertFound(findJava(Map.of("JAVA_HOME", jdk21.toString())), jdk21);
        assertFound(findBuildJdk(Map.of("SEATGUARD_JVM_DIRS", jvmDir + ":" + spaced)), jdk22);
    }

    // --- seatguard_find_java --jdk: what builds (a runtime alone has no javac) ------------------

    @Test
    void forTheBuildPassesOverRuntimesWithoutJavacThatWouldRunSeatguard() throws Exception {
        Path jre25 = fakeJdk(elsewhere, "jre-25", "25");
        writeFakeJava(pathBin.resolve("java"), "24", "openjdk version", 0);
        fakeJdk(jvmDir, "jre-26", "26");
        Path jdk21 = fakeFullJdk(jvmDir, "jdk-21", "21.0.8");

        assertFound(findJava(Map.of("JAVA_HOME", jre25.toString())), jre25);
        assertFound(findBuildJdk(Map.of("JAVA_HOME", jre25.toString())), jdk21);
    }

    @Test
    void forTheBuildLooksForJavacBesideTheJavaALinkOnThePathLeadsTo() throws Exception {
        Path jdk22 = fakeFullJdk(elsewhere, "jdk-22", "22.0.2");
        Path link = Files.createSymbolicLink(pathBin.resolve("java"), jdk22.resolve("bin/java"));
        fakeFullJdk(jvmDir, "jdk-25", "25");

        Result result = findBuildJdk(Map.of());

        assertThat(result.exitCode()).as("exit code (stderr: %s)", result.stderr()).isZero();
        assertThat(result.stdout().strip()).isEqualTo(link.toString());
    }

    @Test
    void forTheBuildFindsNothingWhereThereAreOnlyRuntimes() throws Exception {
        Path jre25 = fakeJdk(jvmDir, "jre-25", "25");

        Result result = findBuildJdk(Map.of("JAVA_HOME", jre25.toString()));

        assertThat(result.exitCode()).as("exit code (stderr: %s)", result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void forTheBuildARuntimeAtJavaHomeIsPassedOverForWantOfJavac() throws Exception {
        Path jre25 = fakeJdk(elsewhere, "jre-25", "25");
        Path jdk21 = fakeFullJdk(jvmDir, "jdk-21", "21.0.8");
        String passedOver = "source \"$1\" && seatguard_java_home_passed_over \"$2\" \"$3\"";

        Result forTheBuild = run(List.of(bash(), "-c", passedOver, "bash", findJdkScript(), jdk21.resolve("bin/java").toString(), "--jdk"),
                Map.of("JAVA_HOME", jre25.toString()));
        Result toRun = run(List.of(bash(), "-c", passedOver, "bash", findJdkScript(), jdk21.resolve("bin/java").toString(), ""),
                Map.of("JAVA_HOME", jre25.toString()));

        assertThat(forTheBuild.exitCode()).as("exit code (stderr: %s)", forTheBuild.stderr()).isZero();
        assertThat(forTheBuild.stdout().strip()).isEqualTo("is Java 25 without javac (a runtime alone cannot build Seatguard)");
        assertThat(toRun.exitCode()).as("a runtime runs Seatguard: nothing to say of it there").isEqualTo(1);
        assertThat(toRun.stdout()).isEmpty();
    }

    @Test
    void javaHomeOfResolvesSymlinksToTheJdkFolder() throws Exception {
        Path jdk21 = fakeJdk(jvmDir, "jdk-21", "21");
        Path link = Files.createSymbolicLink(pathBin.resolve("java"), jdk21.resolve("bin/java"));

        Result result = run(List.of(bash(), "-c", JAVA_HOME_OF, "bash", findJdkScript(), link.toString()), Map.of());

        assertThat(result.exitCode()).as("exit code (stderr: %s)", result.stderr()).isZero();
        assertThat(result.stdout().strip()).isEqualTo(jdk21.toRealPath().toString());
    }

    // --- the launcher, end to end -----------------------------------------------------------

    @Test
    void launcherPrintsTheJavaItChoseWithoutBuildingAnything() throws Exception {
        Path jdk17 = fakeJdk(jvmDir, "java-17-openjdk-amd64", "17.0.15");
        Path jdk25 = fakeJdk(jvmDir, "temurin-25-jdk-amd64", "25");

        Result result = launcher(Map.of("JAVA_HOME", jdk17.toString()), "--launcher-java");

        assertFound(result, jdk25);
        assertThat(result.stderr()).doesNotContain("Building");
    }

    @Test
    void launcherSaysOnStderrThatJavaHomeIsTooOldAndWhichJdkItUsesInstead() throws Exception {
        Path jdk17 = fakeJdk(jvmDir, "java-17-openjdk-amd64", "17.0.15");
        Path jdk25 = fakeJdk(jvmDir, "temurin-25-jdk-amd64", "25");

        Result result = launcher(Map.of("JAVA_HOME", jdk17.toString()), "--launcher-java");

        assertFound(result, jdk25);
        assertThat(result.stderr().lines().toList()).containsExactly("seatguard: JAVA_HOME (" + jdk17 + ") is Java 17, older than the 21 Seatguard needs; using "
                + jdk25.resolve("bin/java") + " (Java 25) instead.");
    }

    @Test
    void launcherSaysNothingOfJavaHomeWhenItUsesIt() throws Exception {
        Path jdk21 = fakeJdk(elsewhere, "jdk-21.0.1", "21.0.1");
        fakeJdk(jvmDir, "temurin-25-jdk-amd64", "25");

        Result result = launcher(Map.of("JAVA_HOME", jdk21.toString()), "--launcher-java");

        assertFound(result, jdk21);
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void launcherNamesAJavaHomeWithNoWorkingJava() throws Exception {
        Path broken = Files.createDirectories(elsewhere.resolve("jdk-gone"));
        Path jdk21 = fakeJdk(jvmDir, "jdk-21", "21");

        Result result = launcher(Map.of("JAVA_HOME", broken.toString()), "--launcher-java");

        assertFound(result, jdk21);
        assertThat(result.stderr()).contains("JAVA_HOME (" + broken + ") has no working bin/java; using " + jdk21.resolve("bin/java") + " (Java 21) instead.");
    }

    @Test
    void launcherWithNoSuitableJdkExitsWithOneAndExplainsHowToFixIt() throws Exception {
        Path jdk17 = fakeJdk(jvmDir, "java-17-openjdk-amd64", "17.0.15");
        writeFakeJava(pathBin.resolve("java"), "1.8.0_392", "java version", 0);

        Result result = launcher(Map.of("JAVA_HOME", jdk17.toString()), "--launcher-java");

        assertThat(result.exitCode()).as("exit code (stderr: %s)", result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr())
                .contains("JDK 21")
                .contains("JAVA_HOME")
                .contains(jvmDir.toString())
                .contains("apt-get install openjdk-21-jdk-headless")
                .contains("Temurin");
    }

    // --- helpers ----------------------------------------------------------------------------

    private record Result(int exitCode, String stdout, String stderr) {}

    private Result findJava(Map<String, String> extraEnv) throws Exception {
        return run(List.of(bash(), "-c", FIND_JAVA, "bash", findJdkScript()), extraEnv);
    }

    private Result findBuildJdk(Map<String, String> extraEnv) throws Exception {
        return run(List.of(bash(), "-c", FIND_JAVA + " --jdk", "bash", findJdkScript()), extraEnv);
    }

    private Result launcher(Map<String, String> extraEnv, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(repoRoot.resolve("seatguard").toString());
        command.addAll(List.of(args));
        return run(command, extraEnv);
    }

    private Result run(List<String> command, Map<String, String> extraEnv) throws Exception {
        int n = runs.incrementAndGet();
        Path out = tmp.resolve("run-" + n + ".out");
        Path err = tmp.resolve("run-" + n + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(tmp.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", pathBin + ":" + toolsBin);
        env.put("HOME", tmp.toString());
        env.put("LC_ALL", "C");
        env.put("SEATGUARD_JVM_DIRS", jvmDir.toString());
        env.putAll(extraEnv);

        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("timed out after 60 s: " + command);
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void assertFound(Result result, Path jdkHome) {
        assertThat(result.exitCode()).as("exit code (stderr: %s)", result.stderr()).isZero();
        assertThat(result.stdout().strip()).isEqualTo(jdkHome.resolve("bin/java").toString());
    }

    /** Creates {@code parent/name/bin/java} printing an OpenJDK banner for {@code version}; returns the JDK home. */
    private static Path fakeJdk(Path parent, String name, String version) throws IOException {
        return fakeJdk(parent, name, version, "openjdk version");
    }

    /** A fake JDK with a {@code bin/javac} too, as a JDK has and a runtime alone (a JRE) lacks. */
    private static Path fakeFullJdk(Path parent, String name, String version) throws IOException {
        Path home = fakeJdk(parent, name, version);
        writeScript(home.resolve("bin/javac"), "#!/bin/sh\nexit 0\n");
        return home;
    }

    private static Path fakeJdk(Path parent, String name, String version, String prefix) throws IOException {
        Path home = parent.resolve(name);
        writeFakeJava(home.resolve("bin/java"), version, prefix, 0);
        return home;
    }

    private static void writeFakeJava(Path java, String version, String prefix, int versionExitCode)
            throws IOException {
        writeScript(java, """
                #!/bin/sh
                if [ "$1" = "-version" ]; then
                  echo '%s "%s" 2025-04-15' >&2
                  echo 'OpenJDK Runtime Environment (build %s+7)' >&2
                  echo 'OpenJDK 64-Bit Server VM (build %s+7, mixed mode, sharing)' >&2
                  exit %d
                fi
                echo "fake java: $*" >&2
                exit 0
                """.formatted(prefix, version, version, version, versionExitCode));
    }

    private static void writeScript(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String findJdkScript() {
        return repoRoot.resolve("bin/find-jdk.sh").toString();
    }

    private static String bash() {
        return toolsBin.resolve("bash").toString();
    }

    /** Maven runs the tests with cwd = server/, so the repo root is its parent; an IDE may use the root. */
    private static Path findRepoRoot() {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (Files.isRegularFile(cwd.resolve("bin/find-jdk.sh"))) {
            return cwd;
        }
        return cwd.getParent() != null ? cwd.getParent() : cwd;
    }

    private static Path systemTool(String name) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
