package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * Review finding: {@link UnexpectedErrors#fatal} logged before answering, and nothing bounded what a failing
 * log did: an Error the logger threw escaped the handler unanswered, and logging that handed its own Error
 * back to the handler recursed until the stack overflowed. Each case here must end, answer 500 with the
 * problem document, and try the log once.
 */
class UnexpectedErrorsLoggingFailsTest {
    @Test
    void aLoggerThatThrowsLeavesTheAnswerWrittenAndTheErrorContained() {
        AtomicInteger logged = new AtomicInteger();
        Logger throwing = logger(() -> {
            logged.incrementAndGet();
            throw new OutOfMemoryError("while formatting the stack (test)");
        });
        FakeResponse response = new FakeResponse();

        UnexpectedErrors.fatal(response.proxy(), new OutOfMemoryError("Java heap space (test)"), throwing);

        assertThat(logged).hasValue(1);
        assertThat(response.status).isEqualTo(500);
        assertThat(response.body.toString(StandardCharsets.UTF_8)).contains("The server could not complete the request");
    }

    @Test
    void loggingThatHandsItsErrorBackToTheHandlerDoesNotRecurse() {
        AtomicInteger logged = new AtomicInteger();
        FakeResponse response = new FakeResponse();
        Logger[] reentering = new Logger[1];
        reentering[0] = logger(() -> {
            if (logged.incrementAndGet() > 100) {
                throw new AssertionError("logged over and over");
            }
            // As a framework that routes an Error raised while handling one back to its Error handler.
            UnexpectedErrors.fatal(response.proxy(), new InternalError("raised by the logging (test)"), reentering[0]);
        });

        UnexpectedErrors.fatal(response.proxy(), new OutOfMemoryError("Java heap space (test)"), reentering[0]);

        assertThat(logged).as("the log is tried once").hasValue(1);
        assertThat(response.status).isEqualTo(500);
        assertThat(response.body.toString(StandardCharsets.UTF_8)).contains("The server could not complete the request");
    }

    @Test
    void afterALoggingFailureTheNextErrorIsLoggedAgain() {
        AtomicInteger logged = new AtomicInteger();
        Logger failingOnce = logger(() -> {
            if (logged.incrementAndGet() == 1) {
                throw new StackOverflowError("in an appender (test)");
            }
        });

        UnexpectedErrors.fatal(new FakeResponse().proxy(), new OutOfMemoryError("first (test)"), failingOnce);
        UnexpectedErrors.fatal(new FakeResponse().proxy(), new OutOfMemoryError("second (test)"), failingOnce);

        assertThat(logged).as("the guard is per Error, not for ever").hasValue(2);
    }

    /** A logger whose {@code error} runs {@code onError}; every other method does nothing. */
    private static Logger logger(Runnable onError) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, (proxy, method, args) -> {
            if (method.getName().equals("error")) {
                onError.run();
            }
            return method.getReturnType() == boolean.class ? Boolean.FALSE : method.getReturnType() == String.class ? "test" : null;
        });
    }

    /** The few response methods the handler uses, over a byte buffer. */
    private static final class FakeResponse {
        int status;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {}

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "setStatus" -> {
                            status = (int) args[0];
                            yield null;
                        }
                        case "isCommitted" -> false;
                        case "getOutputStream" -> out;
                        case "resetBuffer", "setContentType" -> {
                            body.reset();
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
