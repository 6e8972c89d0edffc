package io.seatguard.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A page of an endpoint's delivery log, newest first; pass {@link #nextCursor()} for the next one. */
public record WebhookDeliveryPage(List<WebhookDelivery> deliveries, Optional<String> nextCursor) {
    public WebhookDeliveryPage {
        deliveries = List.copyOf(deliveries);
    }

    static WebhookDeliveryPage of(JsonNode json) {
        List<WebhookDelivery> deliveries = new ArrayList<>();
        AnswerFields.array(json, "data", "a page of deliveries").forEach(item -> deliveries.add(WebhookDelivery.of(item)));
        return new WebhookDeliveryPage(deliveries, Evaluation.text(json.path("next_cursor")));
    }
}
