package io.seatguard.server.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.seatguard.core.account.AccountDevice;
import io.seatguard.core.account.DeviceLinks;
import io.seatguard.core.app.App;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.presence.Presence;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /v3/users/{user}/devices} and {@code DELETE /v3/users/{user}/devices/{device_id}}
 * (CONTRACT.md "Users, devices, history"). Logging a device out makes its next access evaluation answer
 * {@code logout: true}; the SDK then fires {@code on_logout}.
 */
final class UserDeviceHandlers {
    private final Credentials credentials;
    private final DeviceLinks links;
    private final Presence presence;
    private final InstantSource clock;

    UserDeviceHandlers(Credentials credentials, DeviceLinks links, Presence presence, InstantSource clock) {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.links = requireNonNull(links, "links is null");
        this.presence = requireNonNull(presence, "presence is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The devices with a live session on the account now, or empty when presence cannot be read. */
    private Optional<Set<String>> connected(String appId, String user) {
        return presence.liveIfReadable(appId, user, clock.instant())
                .map(live -> live.stream().map(Presence.LiveSession::deviceId).collect(Collectors.toSet()));
    }

    void list(Context ctx) {
        App app = credentials.requireApp(ctx);
        String user = user(ctx);
        List<AccountDevice> devices = links.devices(app.id(), user).orElseThrow(() -> SeatguardException.notFound("user " + Problems.abbreviate(user)));
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode data = json.putArray("data");
        Optional<Set<String>> connected = connected(app.id(), user);
        for (AccountDevice device : devices) {
            ObjectNode item = data.addObject();
            item.put("id", device.id());
            item.put("type", device.type().wireName());
            item.put("status", device.status().apiName());
            item.put("first_seen", EvaluationJson.time(device.firstSeen()));
            item.put("last_seen", EvaluationJson.time(device.lastSeen()));
            // Unknown (null), not "no", when presence cannot be read.
            if (connected.isPresent()) {
                item.put("actively_connected", connected.get().contains(device.id()));
            }
            else {
                item.putNull("actively_connected");
            }
            item.putObject("info").put("browser", device.browser()).put("os", device.os());
            item.put("last_country", device.lastCountry().orElse(null));
        }
        ctx.contentType("application/json").result(json.toString());
    }

    void logOut(Context ctx) {
        App app = credentials.requireApp(ctx);
        String user = user(ctx);
        // In the lower case device ids are kept in, given in either case (RFC 9562 §4).
        String deviceId = io.seatguard.core.ids.UuidText.canonical(ctx.pathParam("device_id"))
                .orElseThrow(() -> SeatguardException.invalid("device_id", "must be a device id as evaluations report it (a UUID)"));
        NoBody.refuse(ctx);
        if (!links.detach(app.id(), user, deviceId, clock.instant())) {
            throw SeatguardException.notFound("device " + Problems.abbreviate(deviceId) + " of user " + Problems.abbreviate(user));
        }
        ctx.status(204);
    }

    /**
     * The path's account id, held to the same rule as evaluate's {@code user} (AccountIds): anything else could never
     * name an account, and is a fault of the request (400 naming {@code user}) rather than an account not
     * found.
     */
    static String user(Context ctx) {
        String user = ctx.pathParam("user");
        io.seatguard.core.account.AccountIds.fault(user).ifPresent(fault -> {
            throw SeatguardException.invalid("user", fault);
        });
        return user;
    }
}
