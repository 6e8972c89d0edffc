package io.seatguard.server.challenge;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * The SMTP transport, watching for the one moment a send's outcome is unknown: the mail's end (the lone
 * {@code .} after DATA) was sent and the server's reply to it has not come. Before it nothing was queued for
 * delivery; a reply settles it (250 taken, anything else refused). A server that goes silent or hangs up
 * in between may have queued the mail (SmtpMailer).
 *
 * <p>The hooks are SMTPTransport's documented protected methods (its constructor, {@code finishData},
 * {@code sendCommand(String)}, {@code readServerResponse}), but that {@code finishData} sends the {@code .}
 * through {@code sendCommand(String)} and reads its reply through {@code readServerResponse} is Angus
 * Mail's implementation (2.0.5: the private {@code issueSendCommand}), as is the QUIT it sends from inside
 * the read on a garbled line. Should an upgrade send it otherwise, nothing here is told: every unanswered
 * mail counts failed again, as before this class, and SmtpSendOutcomeTest's silence, hang-up and garbled
 * cases fail. BDAT ({@code mail.smtp.chunksize}, never set) ends a mail without {@code finishData}.
 */
final class FinalReplyWatch extends SMTPTransport {
    /** Whether the DATA's end is being sent: the {@code .} is then that, not a command. */
    private volatile boolean ending;
    private volatile boolean endSent;
    /**
     * Whether the next reply read is the one to the mail's end. Only that one settles the send: on a
     * garbled line the library closes the connection from inside the read, saying QUIT, and the server's
     * {@code 221} to it was taken for the end's reply, so a mail the server may have queued counted failed.
     */
    private volatile boolean awaitingEndReply;
    private volatile boolean answered;

    FinalReplyWatch(Session session, String protocol, boolean tls) {
        super(session, new URLName(protocol, null, -1, null, null, null), protocol, tls);
    }

    /** Whether the mail's end was sent and no reply to it came: it may have been queued for delivery, or not. */
    boolean outcomeUnknown() {
        return endSent && !answered;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        ending = true;
        try {
            super.finishData();
        }
        finally {
            ending = false;
        }
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        super.sendCommand(command);
        if (ending && command.equals(".")) {
            endSent = true;
            awaitingEndReply = true;
        }
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        // Cleared before reading: a read nested in this one (the QUIT's reply) or after it (RSET's) is not the end's.
        boolean endsReply = awaitingEndReply;
        awaitingEndReply = false;
        int code = super.readServerResponse();
        // -1: the server hung up, or its line was no reply (no code), which settles nothing.
        if (endsReply && code > 0) {
            answered = true;
        }
        return code;
    }
}
