package io.seatguard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What serve prints for a failed start ({@code StartFailingWithAnErrorTest} runs it for real), and what it leaves to the JVM. */
class StartFailureTest {
    @Test
    void aRuntimeExceptionIsItsMessageWrittenForTheOperator() {
        assertThat(StartFailure.describe(new IllegalStateException("port 8080 on 127.0.0.1 is already in use: use another --port")))
                .isEqualTo("port 8080 on 127.0.0.1 is already in use: use another --port");
    }

    @Test
    void aRuntimeExceptionWithoutAMessageIsNamed() {
        assertThat(StartFailure.describe(new NullPointerException())).isEqualTo("NullPointerException");
    }

    @Test
    void anErrorIsNamedBeforeItsMessage() {
        assertThat(StartFailure.describe(new NoClassDefFoundError("org/sqlite/SQLiteConfig"))).isEqualTo("NoClassDefFoundError: org/sqlite/SQLiteConfig");
        assertThat(StartFailure.describe(new StackOverflowError())).isEqualTo("StackOverflowError");
    }

    @Test
    void anInitializersErrorNamesWhatItsInitializerThrew() {
        ExceptionInInitializerError error = new ExceptionInInitializerError(new IllegalStateException("no native library\nfor linux-aarch64"));

        assertThat(StartFailure.describe(error))
                .isEqualTo("ExceptionInInitializerError, caused by IllegalStateException: no native library for linux-aarch64");
    }

    @Test
    void aLongOrCircularChainOfCausesStaysOneShortLine() {
        Error first = new Error("first");
        Error second = new Error("second", first);
        first.initCause(second);

        assertThat(StartFailure.describe(first)).isEqualTo("Error: first, caused by Error: second").doesNotContain("\n");
    }

    @Test
    void theJvmsOwnFailuresAreLeftToTheJvmAStackOverflowIsNot() {
        assertThat(StartFailure.leftToTheJvm(new OutOfMemoryError("Java heap space"))).isTrue();
        assertThat(StartFailure.leftToTheJvm(new InternalError("test"))).isTrue();
        assertThat(StartFailure.leftToTheJvm(new StackOverflowError())).isFalse();
        assertThat(StartFailure.leftToTheJvm(new NoClassDefFoundError("org/sqlite/SQLiteConfig"))).isFalse();
        assertThat(StartFailure.leftToTheJvm(new ExceptionInInitializerError("test"))).isFalse();
        assertThat(StartFailure.leftToTheJvm(new IllegalStateException("test"))).isFalse();
    }
}
