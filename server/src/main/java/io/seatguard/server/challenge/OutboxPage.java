package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /dev/outbox}: the messages the development outbox caught, newest first, so the demo works
 * without a mail server. Only registered outside production mode.
 */
public final class OutboxPage {
    // An SMS has no subject (""): without emptyStringIsFalse each showed an empty subject line.
    private static final Template PAGE = Mustache.compiler().emptyStringIsFalse(true).compile("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Development outbox</title><link rel="stylesheet" href="/challenge/assets/challenge.css"></head>
            <body><main class="card"><h1>Development outbox</h1>
            <p class="hint">Messages Seatguard would have sent. This page exists only outside production mode.</p>
            {{^entries}}<p>No messages yet.</p>{{/entries}}
            <ol class="outbox">{{#entries}}<li><p><strong>{{channel}}</strong> to <span class="to">{{to}}</span> · {{at}}</p>
            {{#subject}}<p class="subject">{{subject}}</p>{{/subject}}<pre class="body">{{body}}</pre></li>{{/entries}}</ol>
            </main></body></html>""");

    private final DevOutbox outbox;

    public OutboxPage(DevOutbox outbox) {
        this.outbox = requireNonNull(outbox, "outbox is null");
    }

    public void show(Context ctx) {
        List<Map<String, Object>> entries = outbox.entries().stream()
                .map(entry -> Map.<String, Object>of("channel", entry.channel(), "to", entry.to(), "subject", entry.subject(), "body", entry.body(),
                        "at", DateTimeFormatter.ISO_INSTANT.format(entry.at())))
                .toList();
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(PAGE.execute(Map.of("entries", entries)));
    }
}
